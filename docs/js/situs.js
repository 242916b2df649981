/*
 * Loaded by every page of the agency dashboard and of the regency dashboard (`extra_javascript` in
 * both mkdocs.yml; `rkt kabupaten init` copies this file): what the theme lacks, fixed once for both.
 * The form engine (js/isi-form.js, large) is loaded from here on the two pages built on it only:
 * "Isi Form RKT" and "Isi Laporan Triwulan" (their mount point #rkt-isi-form, written by
 * generator/site/pages/form.py and report_form.py): the page content itself may hold no script
 * (generator/site/safety.py).
 *
 * A classic script (not a module) so that the downloaded site also works from file://.
 */
(function () {
  "use strict";

  // The theme's search dialog has no accessible name (axe: aria-dialog-name).
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Pencarian");

  var mount = document.getElementById("rkt-isi-form");
  if (!mount) return;
  var here = document.currentScript ? document.currentScript.src : "";
  var form = document.createElement("script");
  form.src = here.replace(/js\/situs\.js(\?.*)?$/, "") + "js/isi-form.js";
  form.onerror = function () { mount.textContent = "Form tidak dapat dimuat; muat ulang halaman ini."; };
  document.body.appendChild(form);
})();
