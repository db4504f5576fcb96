// "Kopioi linkki": copies the notice's address. Shown only when this script
// runs; without JavaScript the address stands in a read-only field to copy.
document.querySelectorAll("[data-copy]").forEach((button) => {
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.status);
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = status.dataset.done;
    } catch {
      status.textContent = status.dataset.failed;
    }
  });
});
