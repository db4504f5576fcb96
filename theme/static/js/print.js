// Print buttons: shown only when this script runs, since without JavaScript
// the browser's own print command is the way.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
