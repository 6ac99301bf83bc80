// <article-atlas>: the custom element. A small ES module that loads the wasm
// package and mounts one independent instance per element, inside a shadow
// root so that host-page CSS cannot reach in and ours cannot leak out.
//
//   <script type="module" src="pkg/atlas-element.js"></script>
//   <article-atlas src="article.json" ui-lang="en" panels="text map" height="480"></article-atlas>
//   <article-atlas><script type="application/json">{"title": "…", "body": "…"}</script></article-atlas>
//
// This file is the package's `article-atlas/element` and sits next to
// article_atlas.js (in the site too: dist/pkg/). It fetches the wasm and,
// after first paint, the late data an article needs (tagger weights,
// gazetteer shards), all named with `new URL(…, import.meta.url)` so bundlers
// copy them. The stylesheets travel inside the wasm and are adopted as
// constructable stylesheets: no CSS file to copy, nothing for a strict
// Content-Security-Policy to refuse (only 'wasm-unsafe-eval' is needed); the
// height is set through the CSSOM.
import init, { mount, shadowStyleSheets, registerAssets } from "./article_atlas.js";
import { assets } from "./assets.js";

let loading = null;
/** Loads and instantiates the wasm once per page (shared by every element),
 * then names the late data (assets.js): each view fetches what its article
 * needs after first paint and re-analyses in place, ids and selection kept. */
export function loadAtlas() {
  loading ??= init().then((wasm) => {
    registerAssets(assets);
    return wasm;
  });
  return loading;
}

const ALL_PANELS = "text map timeline entities";

function cssLength(value) {
  if (!value) return "";
  return /^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}px` : value.trim();
}

export class ArticleAtlasElement extends HTMLElement {
  static observedAttributes = ["src", "ui-lang", "lang", "panels", "height", "share-base", "theme"];
  #handle = null;
  #frame = null;
  #starting = null;
  /** Identifies the current start, so a start overtaken by a removal stops. */
  #token = null;
  /** Calls made before the instance exists, replayed in order once it does. */
  #queue = [];
  /** Whether the article on screen came from the `src` attribute (a remount refetches it). */
  #fromSrc = false;
  #ready;
  #settle;

  constructor() {
    super();
    this.#resetReady();
  }

  #resetReady() {
    let settle;
    this.#ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
    // Nobody has to await it: a failed start is shown in the element anyway.
    this.#ready.catch(() => {});
    this.#settle = settle;
  }

  connectedCallback() {
    this.#starting ??= this.#start().catch((err) => {
      this.#showFailure(err);
      this.#settle.reject(err);
    });
  }

  disconnectedCallback() {
    // A move within the document disconnects and reconnects at once: only
    // destroy when the element is really gone.
    queueMicrotask(() => {
      if (this.isConnected || !this.#starting) return;
      this.#handle?.destroy();
      this.#handle = null;
      this.#starting = null;
      this.#frame?.remove();
      this.#frame = null;
      this.#resetReady();
    });
  }

  attributeChangedCallback(name, old, value) {
    const h = this.#handle;
    if (!h || old === value) return;
    switch (name) {
      case "src":
        if (value) this.setSrc(value).catch(() => {});
        break;
      case "ui-lang":
      case "lang":
        h.setView({ ...h.getView(), ui_lang: this.#uiLang() });
        break;
      case "panels":
        h.setPanels(value || ALL_PANELS);
        break;
      case "height":
        this.#frame.style.height = cssLength(value);
        break;
      case "theme":
        this.shadowRoot.adoptedStyleSheets = shadowStyleSheets(this.#theme());
        break;
      case "share-base":
        // The Copy link button is decided at mount: showing or hiding it remounts.
        if (!old !== !value) this.#remount();
        else h.setShareBase(value);
        break;
    }
  }

  /** The instance handle (setArticle, setView, getView, getAnalysis, …) once started, else null. */
  get handle() {
    return this.#handle;
  }
  /** Resolves when the first article (or the error that stopped it) is on screen, `src` included. */
  get ready() {
    return this.#ready;
  }
  /** The current view, or undefined before the start. */
  getView() {
    return this.#handle?.getView();
  }
  /** The analysis on screen, or null. */
  getAnalysis() {
    return this.#handle?.getAnalysis() ?? null;
  }
  /** The error on screen, or null. */
  getError() {
    return this.#handle?.getError() ?? null;
  }
  setView(view) {
    this.#call((h) => h.setView(view));
  }
  setPanels(panels) {
    this.#call((h) => h.setPanels(panels));
  }
  setArticle(article) {
    this.#fromSrc = false;
    this.#call((h) => h.setArticle(article), "article");
  }
  /** Fetches an article; the promise settles when it (or its error) is on screen. */
  setSrc(url) {
    this.#fromSrc = true;
    return this.#call((h) => h.setSrc(url), "article") ?? this.ready;
  }

  /** Runs `f` now, or queues it until the instance exists (throws only after the start). */
  #call(f, kind = "view") {
    if (this.#handle) return f(this.#handle);
    this.#queue.push({ f, kind });
    return undefined;
  }

  #uiLang() {
    return this.getAttribute("ui-lang") || this.getAttribute("lang") || undefined;
  }
  #theme() {
    return this.getAttribute("theme") || "auto";
  }

  #options(view) {
    const options = { theme: this.#theme(), styles: false };
    const lang = this.#uiLang();
    if (lang) options.lang = lang;
    if (this.getAttribute("panels")) options.panels = this.getAttribute("panels");
    if (this.getAttribute("share-base")) options.shareBase = this.getAttribute("share-base");
    if (view) options.view = view;
    return options;
  }

  async #start() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const token = (this.#token = {});
    await loadAtlas();
    if (this.#token !== token || !this.isConnected) return; // removed (or restarted) while the wasm loaded
    root.adoptedStyleSheets = shadowStyleSheets(this.#theme());
    const frame = document.createElement("div");
    frame.className = "atlas-frame";
    frame.setAttribute("part", "frame");
    frame.style.height = cssLength(this.getAttribute("height"));
    root.append(frame);
    this.#frame = frame;
    const options = this.#options();
    let article = null;
    // An article set before the start replaces the attributes' one.
    if (!this.#queue.some((c) => c.kind === "article")) {
      const inline = this.querySelector('script[type="application/json"]');
      article = inline ? inline.textContent : null;
      if (!article && this.getAttribute("src")) {
        options.src = this.getAttribute("src");
        this.#fromSrc = true;
      }
    }
    const handle = mount(frame, article, options);
    this.#handle = handle;
    const pending = [handle.loaded];
    for (const { f } of this.#queue.splice(0)) {
      try {
        const out = f(handle);
        if (out instanceof Promise) pending.push(out.catch(() => {}));
      } catch {
        // A bad queued article shows its error in the element.
      }
    }
    await Promise.all(pending);
    this.#settle.resolve();
  }

  /** Mounts again with the same article and view (used when Copy link appears or goes). */
  #remount() {
    const old = this.#handle;
    const view = old.getView();
    const analysis = old.getAnalysis();
    old.destroy();
    const options = this.#options(view);
    let article = null;
    if (this.#fromSrc && this.getAttribute("src")) options.src = this.getAttribute("src");
    else if (analysis) article = JSON.stringify(analysis);
    this.#handle = mount(this.#frame, article, options);
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
