// "Kopioi linkki": copies the notice's address. Shown only when this script
// runs; without JavaScript the address stands written out, to select and copy.
document.querySelectorAll("[data-copy]").forEach((button) => {
  const address = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.status);
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(address.textContent.trim());
      status.textContent = status.dataset.done;
    } catch {
      status.textContent = status.dataset.failed;
    }
  });
});
