// Loads the wasm module and starts the app on #app: the article from the
// share link (#v1.…), else from ?src=URL, else the bundled default.
// Tagger weights and the larger gazetteer come later (registerAssets): the
// text and the map are drawn first, the analysis is updated in place.
import init, { startPage, registerAssets } from "./pkg/article_atlas.js";
import { assets } from "./pkg/assets.js";

init()
  .then(() => {
    // Kept on window for debugging and end-to-end tests (getView, setView, ...).
    window.atlas = startPage("#app");
    registerAssets(assets);
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
