// Loads the wasm module and starts the app on #app: the article from the
// share link (#v1.…), else from ?src=URL, else the bundled default.
import init, { startPage } from "./pkg/article_atlas.js";

init()
  .then(() => {
    // Kept on window for debugging and end-to-end tests (getView, setView, ...).
    window.atlas = startPage("#app");
    document.getElementById("page-loading")?.remove();
  })
  .catch((err) => {
    const app = document.getElementById("app");
    const box = document.createElement("div");
    box.className = "error-banner";
    box.setAttribute("role", "alert");
    box.textContent = `article-atlas could not start: ${err}`;
    // The loading note must not promise what will not come.
    document.getElementById("page-loading")?.remove();
    app?.prepend(box);
  });
