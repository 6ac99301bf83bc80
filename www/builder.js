// The embed builder: every choice becomes an attribute of the preview
// element (all of them are observed, so the preview follows live), and the
// three outputs are made from the same choices and the preview's share link.
import "./pkg/atlas-element.js";

const $ = (id) => document.getElementById(id);
const preview = $("preview");
const ALL = ["text", "map", "timeline", "entities"];
/** Where the site lives: the iframe page, the app and the package are beside this page. */
const BASE = new URL(".", location.href);

/** The last copy's outcome; it stays through re-renders (a late data file
 * arriving, a selection) until the reader changes a choice or the article. */
let notice = "";

/** How the article on screen was given: a URL, or text (a file or a paste). */
let source = { kind: "src", url: new URL("articles/default.json", BASE).href };

function choices() {
  let panels = [...document.querySelectorAll('input[name="panel"]:checked')].map((c) => c.value);
  if (!panels.length) {
    // At least one panel: the text comes back.
    document.querySelector('input[name="panel"][value="text"]').checked = true;
    panels = ["text"];
  }
  return {
    panels: panels.length === ALL.length ? "" : panels.join(" "),
    uiLang: $("ui-lang").value,
    height: String(Math.max(200, Math.min(2000, Number($("height").value) || 560))),
    theme: $("theme").value,
  };
}

/** Sets an attribute only when it changes: setting it to the same value
 * still restarts the element's work (the "change" that follows an "input"
 * on the height field did, and the layout shift swallowed the next click). */
function setAttr(name, value) {
  if ((preview.getAttribute(name) ?? "") === (value || "")) return false;
  if (value) preview.setAttribute(name, value);
  else preview.removeAttribute(name);
  return true;
}

/** Mirrors the form on the preview's attributes. */
function applyChoices() {
  const c = choices();
  const changed = [
    setAttr("panels", c.panels),
    setAttr("ui-lang", c.uiLang),
    setAttr("height", c.height),
    setAttr("theme", c.theme === "auto" ? "" : c.theme),
  ].some(Boolean);
  if (!changed) return;
  notice = "";
  render();
}

const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The three snippets for the current choices, article and view. */
function render() {
  const c = choices();
  let fragment = "";
  let status = "";
  try {
    fragment = preview.handle?.shareFragment() ?? "";
  } catch (e) {
    status = String(e.message ?? e);
  }
  const params = new URLSearchParams();
  if (c.panels) params.set("panels", c.panels);
  if (c.theme !== "auto") params.set("theme", c.theme);
  // Without a fragment (an article too large for a link) the iframe can still name a URL.
  if (!fragment && source.kind === "src") params.set("src", source.url);
  const query = params.toString() ? `?${params}` : "";
  const hash = fragment ? `#${fragment}` : "";
  const iframeUrl = new URL(`embed.html${query}${hash}`, BASE).href;
  $("out-iframe").value =
    `<iframe src="${escapeAttr(iframeUrl)}" title="article-atlas" width="100%" height="${c.height}" loading="lazy"></iframe>`;

  const attrs = [];
  if (source.kind === "src") attrs.push(`src="${escapeAttr(source.url)}"`);
  if (c.uiLang) attrs.push(`ui-lang="${c.uiLang}"`);
  if (c.panels) attrs.push(`panels="${c.panels}"`);
  attrs.push(`height="${c.height}"`);
  if (c.theme !== "auto") attrs.push(`theme="${c.theme}"`);
  // Inline text in a JSON data block; "</script" would end the block early.
  const inline =
    source.kind === "text"
      ? `\n  <script type="application/json">\n${source.text.replace(/<\/(script)/gi, "<\\/$1")}\n  </script>\n`
      : "";
  $("out-element").value =
    `<script type="module" src="${escapeAttr(new URL("pkg/atlas-element.js", BASE).href)}"></script>\n` +
    `<article-atlas ${attrs.join(" ")}>${inline}</article-atlas>`;

  $("out-link").value = fragment ? new URL(`index.html#${fragment}`, BASE).href : "";
  const error = preview.getError();
  $("status").textContent = status || error || notice;
  $("status").classList.toggle("error", Boolean(status || error));
}

async function loadSrc() {
  const raw = $("src").value.trim();
  if (!raw) return;
  const url = new URL(raw, BASE).href;
  source = { kind: "src", url };
  notice = "";
  // Settles when the article (or its error) is on screen.
  await preview.setSrc(url).catch(() => {});
  render();
}

function showText(text) {
  if (!text.trim()) return;
  try {
    preview.setArticle(text);
    source = { kind: "text", text: text.trim() };
    notice = "";
  } catch {
    // The preview keeps its article and shows the error.
  }
  render();
}

$("load-src").addEventListener("click", loadSrc);
$("src").addEventListener("keydown", (e) => {
  if (e.key === "Enter") {
    e.preventDefault();
    loadSrc();
  }
});
$("show-paste").addEventListener("click", () => showText($("paste").value));
$("file").addEventListener("change", async () => {
  const file = $("file").files?.[0];
  if (file) showText(await file.text());
});
$("form").addEventListener("change", (e) => {
  if (e.target.closest("fieldset") !== $("src").closest("fieldset")) applyChoices();
});
$("height").addEventListener("input", applyChoices);
preview.addEventListener("atlas-select", render);

for (const button of document.querySelectorAll("[data-copy]")) {
  button.addEventListener("click", async () => {
    const field = $(button.dataset.copy);
    try {
      // A clipboard that neither writes nor refuses (no focus, a pending
      // permission prompt) counts as refused after a second.
      await Promise.race([
        navigator.clipboard.writeText(field.value),
        new Promise((_, reject) => setTimeout(() => reject(new Error("clipboard timed out")), 1000)),
      ]);
      notice = "copied";
    } catch {
      // No clipboard permission: leave the text selected for Ctrl+C.
      field.select();
      notice = "press Ctrl+C to copy";
    }
    $("status").textContent = notice;
  });
}

preview.ready.then(applyChoices);
