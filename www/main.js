// Loads the wasm module; its start function mounts the app on #app.
import init from "./pkg/article_atlas.js";

init().catch((err) => {
  const app = document.getElementById("app");
  const box = document.createElement("div");
  box.className = "error-banner";
  box.setAttribute("role", "alert");
  box.textContent = `article-atlas could not start: ${err}`;
  app?.prepend(box);
});
