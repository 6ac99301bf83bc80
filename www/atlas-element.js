// <article-atlas>: the custom element. A small ES module that loads the wasm
// package and mounts one independent instance per element, inside a shadow
// root so that host-page CSS cannot reach in and ours cannot leak out.
//
//   <script type="module" src="atlas-element.js"></script>
//   <article-atlas src="article.json" lang="en" panels="text map" height="480"></article-atlas>
//   <article-atlas><script type="application/json">{"title": "…", "body": "…"}</script></article-atlas>
//
// Works under a strict Content-Security-Policy (no inline scripts or styles;
// only 'wasm-unsafe-eval'): styles are same-origin files adopted as
// constructable stylesheets, the height is set through the CSSOM.
// In the npm package this file sits next to article_atlas.js (pkg.mjs
// rewrites the import below); in the site it sits next to pkg/.
import init, { mount } from "./pkg/article_atlas.js";

const ready = init();
const CSS_FILES = ["./style.css", "./atlas.css"].map((f) => new URL(f, import.meta.url));
let sheets;

/** Component CSS for a shadow root: `:root` rules apply to the host, and rem
 * becomes em so a host page's root font size cannot resize the component. */
function shadowCss(text, base) {
  return text
    .replace(/:root\b/g, ":host")
    .replace(/(\d*\.?\d+)rem\b/g, "$1em")
    .replace(/url\(\s*(['"]?)(?!data:|[a-z]+:|\/|#)([^'")]+)\1\s*\)/gi, (_, q, path) => `url(${q}${new URL(path, base)}${q})`);
}

/** The stylesheets every element adopts (fetched once per page). */
function loadSheets() {
  sheets ??= Promise.all(
    CSS_FILES.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(shadowCss(await res.text(), url));
      return sheet;
    }),
  );
  return sheets;
}

function cssLength(value) {
  if (!value) return "";
  return /^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}px` : value.trim();
}

export class ArticleAtlasElement extends HTMLElement {
  static observedAttributes = ["src", "lang", "panels", "height"];
  #handle = null;
  #frame = null;
  #starting = null;

  connectedCallback() {
    this.#starting ??= this.#start().catch((err) => this.#showFailure(err));
  }

  disconnectedCallback() {
    // A move within the document disconnects and reconnects at once: only
    // destroy when the element is really gone.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle = null;
        this.#starting = null;
        this.#frame?.remove();
        this.#frame = null;
      }
    });
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#handle || old === value) return;
    if (name === "src" && value) this.#handle.setSrc(value).catch(() => {});
    if (name === "lang") this.#handle.setView({ ...this.#handle.getView(), ui_lang: value || undefined });
    if (name === "panels") this.#handle.setPanels(value || "text map timeline entities");
    if (name === "height") this.#frame.style.height = cssLength(value);
  }

  /** The instance handle (setArticle, setView, getView, getAnalysis, ...), once started. */
  get handle() {
    return this.#handle;
  }
  /** Resolves when the element shows its first article (or its error). */
  get ready() {
    return this.#starting ?? Promise.resolve();
  }
  getView() {
    return this.#handle?.getView();
  }
  setView(view) {
    this.#handle?.setView(view);
  }
  setArticle(article) {
    this.#handle?.setArticle(article);
  }

  async #start() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    try {
      root.adoptedStyleSheets = await loadSheets();
    } catch {
      // Cross-origin package without CORS: link the sheets instead (no rem fix-up).
      for (const url of CSS_FILES) {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = url;
        root.append(link);
      }
    }
    await ready;
    const frame = document.createElement("div");
    frame.className = "atlas-frame";
    frame.setAttribute("part", "frame");
    frame.style.height = cssLength(this.getAttribute("height"));
    root.append(frame);
    this.#frame = frame;
    const inline = this.querySelector('script[type="application/json"]');
    const article = inline ? inline.textContent : null;
    const options = {};
    if (this.getAttribute("lang")) options.lang = this.getAttribute("lang");
    if (this.getAttribute("panels")) options.panels = this.getAttribute("panels");
    if (!article && this.getAttribute("src")) options.src = this.getAttribute("src");
    if (this.getAttribute("share-base")) options.shareBase = this.getAttribute("share-base");
    this.#handle = mount(frame, article, options);
  }

  #showFailure(err) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const box = document.createElement("div");
    box.className = "error-banner";
    box.setAttribute("role", "alert");
    box.textContent = `article-atlas could not start: ${err}`;
    root.append(box);
  }
}

if (!customElements.get("article-atlas")) customElements.define("article-atlas", ArticleAtlasElement);
