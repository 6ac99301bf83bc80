// The demo host page: shows each instance's last selection, from the
// bubbling `atlas-select` event (one listener per element).
for (const side of ["left", "right"]) {
  const el = document.getElementById(side);
  const out = document.getElementById(`${side}-selection`);
  el?.addEventListener("atlas-select", (e) => {
    const s = e.detail?.selected;
    out.textContent = s ? `${s.kind} ${s.id}` : "none";
  });
}
