/*
 * "Isi Form RKT": fill a unit's Form RKT in the browser, checked as you type with the
 * project's own JSON Schema (Ajv, vendored) and the cross-file checks that can run here,
 * and hand the result to GitHub. Nothing leaves the browser until the user chooses to.
 *
 * Everything the page needs is embedded at build time (#rkt-form-data): the inlined form
 * schema, the cycles and units with their prefilled data, the Renstra codes, and the
 * exact comment lines the project writes. The YAML writer below mirrors
 * generator/yamlwrite.py; the browser tests compare the two byte for byte.
 *
 * A classic script (not a module) so that the downloaded site also works from file://.
 */
(function () {
  "use strict";

  // The theme's search dialog has no accessible name (axe: aria-dialog-name); name it on every page.
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Pencarian");

  var mount = document.getElementById("rkt-isi-form");
  var dataNode = document.getElementById("rkt-form-data");
  if (!mount || !dataNode) return;
  var DATA = JSON.parse(dataNode.textContent);
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.replace(/js\/isi-form\.js(\?.*)?$/, "");

  // ---- the project's YAML style (mirror of generator/yamlwrite.py) --------------------
  var PLAIN_INT = /^-?(?:0|[1-9][0-9]*)$/;
  var RISKY = "-?:,[]{}#&*!|>'\"%@`";
  var RESERVED = ["", "~", "null", "true", "false"];

  function scalar(v) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return String(v);
    var t = String(v);
    if (RESERVED.indexOf(t) >= 0 || ["yes", "no", "on", "off"].indexOf(t.toLowerCase()) >= 0 ||
        PLAIN_INT.test(t) || RISKY.indexOf(t[0]) >= 0 || t !== t.trim() || t.indexOf(": ") >= 0 ||
        t.indexOf(" #") >= 0 || /:$/.test(t) || t.indexOf("\n") >= 0 || t.indexOf("\t") >= 0 ||
        /%$/.test(t) || /^[-+0-9.,:eE_]+$/.test(t)) {
      return JSON.stringify(t);
    }
    return t;
  }

  function has(o, k) { return o[k] !== undefined && o[k] !== null; }

  function formYaml(d, header) {
    var out = [header, "tahun: " + d.tahun + "\n", "unit: " + d.unit + "\n"];
    if (has(d, "tanggal")) out.push("tanggal: " + d.tanggal + "\n");
    if (has(d, "penyusun")) out.push("penyusun: " + scalar(d.penyusun) + "\n");
    out.push("\n" + DATA.comments.kinerja + "\n");
    if (!d.kinerja.length) out.push("kinerja: []\n");
    else {
      out.push("kinerja:\n");
      d.kinerja.forEach(function (row) {
        out.push("  - sasaran: " + row.sasaran + "\n    indikator:\n");
        row.indikator.forEach(function (i) {
          out.push("      - kode: " + i.kode + "\n        target: " + scalar(i.target) + "\n");
          if (i.catatan) out.push("        catatan: " + scalar(i.catatan) + "\n");
        });
      });
    }
    out.push("\n" + DATA.comments.program + "\n");
    if (!d.program.length) { out.push("program: []\n"); return out.join(""); }
    out.push("program:\n");
    d.program.forEach(function (p) {
      out.push("  - kode: " + JSON.stringify(p.kode) + "\n    nama: " + scalar(p.nama) + "\n");
      ["indikator", "target"].forEach(function (k) { if (has(p, k)) out.push("    " + k + ": " + scalar(p[k]) + "\n"); });
      out.push("    kegiatan:\n");
      p.kegiatan.forEach(function (k) {
        out.push("      - kode: " + JSON.stringify(k.kode) + "\n        nama: " + scalar(k.nama) + "\n");
        ["indikator", "target"].forEach(function (f) { if (has(k, f)) out.push("        " + f + ": " + scalar(k[f]) + "\n"); });
        out.push("        sub_kegiatan:\n");
        k.sub_kegiatan.forEach(function (s) {
          out.push("          - kode: " + JSON.stringify(s.kode) + "\n            nama: " + scalar(s.nama) + "\n" +
                   "            indikator: " + scalar(s.indikator) + "\n            target: " + scalar(s.target) + "\n");
          if (has(s, "satuan")) out.push("            satuan: " + scalar(s.satuan) + "\n");
          out.push("            anggaran: " + s.anggaran + "\n            penanggung_jawab: " + scalar(s.penanggung_jawab) + "\n");
        });
      });
    });
    return out.join("");
  }

  // ---- helpers -------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function rupiah(n) { return "Rp " + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function pathId(path) { return path.join("-").replace(/[^A-Za-z0-9_-]/g, "_"); }
  function get(obj, path) { return path.reduce(function (o, k) { return o == null ? o : o[k]; }, obj); }
  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  // the same typing as a plain YAML scalar: whole numbers become numbers
  function typed(raw, schema) {
    var t = raw.trim();
    if (t === "") return undefined;
    var types = [].concat(schema.type || "string");
    if (types.indexOf("integer") >= 0 && PLAIN_INT.test(t)) return Number(t);
    return t;
  }

  // ---- validation ------------------------------------------------------------------
  var Ajv = window.ajv2020 && (window.ajv2020.default || window.ajv2020);
  var validateSchema = null;

  function ajvReady(then) {
    if (window.ajv2020) { Ajv = window.ajv2020.default || window.ajv2020; return then(); }
    var s = document.createElement("script");
    s.src = base + "vendor/ajv-8.17.1/ajv2020.min.js";
    s.onload = function () { Ajv = window.ajv2020.default || window.ajv2020; then(); };
    s.onerror = function () { mount.textContent = "Pemeriksa isian tidak dapat dimuat."; };
    document.head.appendChild(s);
  }

  function compile() {
    var ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    ajv.addFormat("date", function (v) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
      var d = new Date(v + "T00:00:00Z");
      return !isNaN(d) && d.toISOString().slice(0, 10) === v;
    });
    validateSchema = ajv.compile(DATA.schema);
  }

  var TYPE_NAMES = { string: "teks", integer: "bilangan bulat", array: "daftar", object: "pemetaan" };

  function label(schema, path) { return (schema && schema.title) || String(path[path.length - 1]); }
  function example(schema) {
    return schema && schema.examples ? "; contoh: " + JSON.stringify(schema.examples[0]) : "";
  }

  function schemaMessages(d) {
    var out = [];
    if (validateSchema(d)) return out;
    validateSchema.errors.forEach(function (e) {
      var path = e.instancePath.split("/").slice(1).map(function (p) { return /^\d+$/.test(p) ? Number(p) : p; });
      var sch = e.parentSchema || {};
      var value = e.data;
      var msg;
      if (e.keyword === "required") {
        var name = e.params.missingProperty;
        var prop = (sch.properties || {})[name] || {};
        path = path.concat([name]);
        msg = label(prop, path) + " wajib diisi";
      } else if (e.keyword === "type") {
        var wanted = [].concat(sch.type).map(function (t) { return TYPE_NAMES[t] || t; }).join(" atau ");
        msg = label(sch, path) + " harus berupa " + wanted;
        if (typeof value === "string" && /^(Rp\.?\s*)?[0-9]{1,3}([.,][0-9]{3})+(,00)?$/.test(value.trim())) {
          msg += "; tulis angka tanpa titik/koma pemisah ribuan dan tanpa 'Rp', misalnya " +
            value.replace(/,00$/, "").replace(/[^0-9]/g, "");
        } else if (typeof value === "string") {
          msg += ", bukan teks '" + value + "'";
        }
      } else if (e.keyword === "pattern") {
        msg = label(sch, path) + " '" + value + "' tidak sesuai format" + example(sch);
      } else if (e.keyword === "format") {
        msg = label(sch, path) + " '" + value + "' bukan tanggal yang benar; tulis TTTT-BB-HH";
      } else if (e.keyword === "minLength") {
        msg = label(sch, path) + " wajib diisi";
      } else if (e.keyword === "maxLength") {
        msg = label(sch, path) + " terlalu panjang (paling banyak " + sch.maxLength + " karakter)";
      } else if (e.keyword === "minimum" || e.keyword === "maximum") {
        msg = label(sch, path) + " di luar batas (" + (e.keyword === "minimum" ? "paling sedikit " : "paling banyak ") +
          String(sch[e.keyword]).replace(/\B(?=(\d{3})+(?!\d))/g, ".") + ")";
      } else if (e.keyword === "minItems") {
        msg = label(sch, path) + " harus berisi paling sedikit " + sch.minItems + " butir";
      } else if (e.keyword === "enum") {
        msg = label(sch, path) + " bukan pilihan yang sah";
      } else {
        msg = label(sch, path) + " tidak sesuai aturan isian";
      }
      out.push({ path: path, message: msg });
    });
    return out;
  }

  function crossMessages(d, cycle) {
    var out = [];
    var sasaran = {};
    DATA.renstra.forEach(function (s) { sasaran[s.kode] = s; });
    (d.kinerja || []).forEach(function (row, i) {
      var s = sasaran[row.sasaran];
      if (row.sasaran && !s) {
        out.push({ path: ["kinerja", i, "sasaran"], message: "sasaran '" + row.sasaran + "' tidak ada di Renstra; pilih salah satu: " +
          Object.keys(sasaran).join(", ") });
        return;
      }
      (row.indikator || []).forEach(function (t, j) {
        if (!s || !t.kode) return;
        var codes = s.indikator.map(function (x) { return x.kode; });
        if (codes.indexOf(t.kode) < 0) {
          out.push({ path: ["kinerja", i, "indikator", j, "kode"], message: "indikator '" + t.kode +
            "' tidak ada pada sasaran " + s.kode + " di Renstra; pilih salah satu: " + codes.join(", ") });
        }
      });
    });
    var seen = {};
    (d.program || []).forEach(function (p, i) {
      (p.kegiatan || []).forEach(function (k, j) {
        if (p.kode && k.kode && k.kode.indexOf(p.kode + ".") !== 0) {
          out.push({ path: ["program", i, "kegiatan", j, "kode"], message: "kode kegiatan '" + k.kode +
            "' tidak diawali kode programnya '" + p.kode + "'" });
        }
        (k.sub_kegiatan || []).forEach(function (s, m) {
          if (k.kode && s.kode && s.kode.indexOf(k.kode + ".") !== 0) {
            out.push({ path: ["program", i, "kegiatan", j, "sub_kegiatan", m, "kode"], message: "kode sub kegiatan '" +
              s.kode + "' tidak diawali kode kegiatannya '" + k.kode + "'" });
          }
          if (s.kode && seen[s.kode]) {
            out.push({ path: ["program", i, "kegiatan", j, "sub_kegiatan", m, "kode"], message: "kode sub kegiatan '" +
              s.kode + "' sudah dipakai sebelumnya" });
          }
          seen[s.kode] = true;
        });
      });
    });
    var total = totals(d).total;
    var pagu = cycle.pagu[d.unit];
    if (pagu !== undefined && total > pagu) {
      out.push({ path: ["program"], message: "jumlah anggaran (" + rupiah(total) + ") melebihi pagu unit (" +
        rupiah(pagu) + ") sebesar " + rupiah(total - pagu) });
    }
    return out;
  }

  function totals(d) {
    var t = { total: 0, program: [] };
    (d.program || []).forEach(function (p) {
      var pt = 0;
      (p.kegiatan || []).forEach(function (k) {
        (k.sub_kegiatan || []).forEach(function (s) { if (typeof s.anggaran === "number") pt += s.anggaran; });
      });
      t.program.push(pt);
      t.total += pt;
    });
    return t;
  }

  // ---- the form ----------------------------------------------------------------------
  var state = null;      // the form data being edited
  var cycle = null;      // the chosen cycle
  var unit = null;       // the chosen unit

  function propSchema(schema, key) { return (schema.properties || {})[key]; }

  function fieldFor(schema, path, value, opts) {
    var id = "f-" + pathId(path);
    var help = schema.description ? el("p", { id: id + "-help", "class": "rkt-help", text: schema.description }) : null;
    var error = el("p", { id: id + "-err", "class": "rkt-field-error", role: "alert", "aria-live": "polite" });
    var describedBy = (help ? id + "-help " : "") + id + "-err";
    var required = opts && opts.required;
    var input;
    var list = opts && opts.list;
    if (schema.maxLength && schema.maxLength > 200) {
      input = el("textarea", { id: id, rows: "2", "aria-describedby": describedBy });
      input.value = value === undefined || value === null ? "" : String(value);
    } else {
      input = el("input", {
        id: id, type: "text", "aria-describedby": describedBy, list: list ? id + "-list" : null,
        inputmode: [].concat(schema.type).indexOf("integer") >= 0 && [].concat(schema.type).length === 1 ? "numeric" : null,
        autocomplete: "off"
      });
      input.value = value === undefined || value === null ? "" : String(value);
    }
    if (required) input.setAttribute("aria-required", "true");
    input.dataset.path = JSON.stringify(path);
    input.addEventListener("input", onInput);
    var children = [el("label", { "for": id, text: (schema.title || path[path.length - 1]) + (required ? " *" : "") }), input];
    if (list) {
      children.push(el("datalist", { id: id + "-list" }, list.map(function (o) {
        return el("option", { value: o.value, label: o.label || null });
      })));
    }
    if (help) children.push(help);
    children.push(error);
    return el("div", { "class": "rkt-field" }, children);
  }

  function button(text, action, path, extra) {
    var b = el("button", { type: "button", "class": "md-button rkt-small", text: text, "aria-label": extra || text });
    b.addEventListener("click", function () { action(path); });
    return b;
  }

  function listEditor(schema, path, items, itemRender, newItem, addLabel) {
    var box = el("div", { "class": "rkt-list" });
    items.forEach(function (item, i) {
      var itemPath = path.concat([i]);
      var name = (schema.items.title || "Butir") + " " + (i + 1);
      var fs = el("fieldset", { "class": "rkt-item", id: "i-" + pathId(itemPath) }, [el("legend", { text: name })]);
      itemRender(fs, schema.items, itemPath, item);
      var tools = el("div", { "class": "rkt-item-tools" }, [
        i > 0 ? button("Naik", move(-1), itemPath, "Naik: pindahkan " + name + " ke atas") : null,
        i < items.length - 1 ? button("Turun", move(1), itemPath, "Turun: pindahkan " + name + " ke bawah") : null,
        button("Hapus", remove, itemPath, "Hapus " + name)
      ]);
      fs.appendChild(tools);
      box.appendChild(fs);
    });
    box.appendChild(button(addLabel, function () {
      get(state, path).push(newItem());
      render();
      var added = document.querySelector("#i-" + pathId(path.concat([get(state, path).length - 1])) + " input, #i-" +
        pathId(path.concat([get(state, path).length - 1])) + " textarea");
      if (added) added.focus();
    }, path));
    var err = el("p", { id: "f-" + pathId(path) + "-err", "class": "rkt-field-error", role: "alert" });
    box.appendChild(err);
    return box;
  }

  function move(delta) {
    return function (path) {
      var list = get(state, path.slice(0, -1));
      var i = path[path.length - 1];
      var item = list.splice(i, 1)[0];
      list.splice(i + delta, 0, item);
      render();
    };
  }
  function remove(path) {
    get(state, path.slice(0, -1)).splice(path[path.length - 1], 1);
    render();
  }

  function scalarFields(fs, schema, path, item, skip, lists) {
    var required = schema.required || [];
    Object.keys(schema.properties).forEach(function (key) {
      if (skip.indexOf(key) >= 0) return;
      var s = schema.properties[key];
      if (s.type === "array") return;
      fs.appendChild(fieldFor(s, path.concat([key]), item[key], { required: required.indexOf(key) >= 0, list: lists[key] }));
    });
  }

  function renstraLists(sasaranCode) {
    var sasaran = DATA.renstra.map(function (s) { return { value: s.kode, label: s.kode + " " + s.uraian }; });
    var s = DATA.renstra.filter(function (x) { return x.kode === sasaranCode; })[0];
    var indikator = (s ? s.indikator : []).map(function (i) {
      return { value: i.kode, label: i.kode + " " + i.uraian + " (" + i.satuan + ")" };
    });
    return { sasaran: sasaran, indikator: indikator };
  }

  function render() {
    var schema = DATA.schema;
    var formBox = document.getElementById("rkt-form-fields");
    formBox.textContent = "";
    var top = el("fieldset", { "class": "rkt-item" }, [el("legend", { text: "Identitas form" })]);
    top.appendChild(el("p", { text: "Tahun " + state.tahun + " · " + unit.nama + " (kode " + state.unit + ")" }));
    scalarFields(top, schema, [], state, ["tahun", "unit"], {});
    formBox.appendChild(top);

    var kin = propSchema(schema, "kinerja");
    formBox.appendChild(el("h3", { text: kin.title }));
    formBox.appendChild(el("p", { "class": "rkt-help", text: kin.description }));
    formBox.appendChild(listEditor(kin, ["kinerja"], state.kinerja, function (fs, s, path, item) {
      scalarFields(fs, s, path, item, [], { sasaran: renstraLists().sasaran });
      var ind = s.properties.indikator;
      fs.appendChild(listEditor(ind, path.concat(["indikator"]), item.indikator, function (fs2, s2, p2, it2) {
        scalarFields(fs2, s2, p2, it2, [], { kode: renstraLists(item.sasaran).indikator });
      }, function () { return { kode: "", target: "" }; }, "Tambah indikator"));
    }, function () { return { sasaran: "", indikator: [{ kode: "", target: "" }] }; }, "Tambah sasaran"));

    var prog = propSchema(schema, "program");
    formBox.appendChild(el("h3", { text: prog.title }));
    formBox.appendChild(el("p", { "class": "rkt-help", text: prog.description }));
    formBox.appendChild(listEditor(prog, ["program"], state.program, function (fs, s, path, item) {
      scalarFields(fs, s, path, item, [], {});
      fs.appendChild(el("p", { "class": "rkt-total", id: "t-" + pathId(path) }));
      fs.appendChild(listEditor(s.properties.kegiatan, path.concat(["kegiatan"]), item.kegiatan, function (fs2, s2, p2, it2) {
        scalarFields(fs2, s2, p2, it2, [], {});
        fs2.appendChild(listEditor(s2.properties.sub_kegiatan, p2.concat(["sub_kegiatan"]), it2.sub_kegiatan,
          function (fs3, s3, p3, it3) {
            scalarFields(fs3, s3, p3, it3, [], { satuan: DATA.satuan.map(function (x) { return { value: x }; }) });
          },
          function () { return { kode: it2.kode ? it2.kode + "." : "", nama: "", indikator: "", target: "", anggaran: undefined, penanggung_jawab: "" }; },
          "Tambah sub kegiatan"));
      }, function () { return { kode: item.kode ? item.kode + "." : "", nama: "", sub_kegiatan: [] }; }, "Tambah kegiatan"));
    }, function () { return { kode: "", nama: "", kegiatan: [] }; }, "Tambah program"));
    update();
  }

  function onInput(ev) {
    var path = JSON.parse(ev.target.dataset.path);
    var parent = get(state, path.slice(0, -1));
    var key = path[path.length - 1];
    var schema = fieldSchema(path);
    var value = typed(ev.target.value, schema);
    if (value === undefined) delete parent[key]; else parent[key] = value;
    if (key === "sasaran") {
      // the indicator suggestions follow the chosen sasaran, without redrawing the form
      var options = renstraLists(value).indikator;
      (parent.indikator || []).forEach(function (_, j) {
        var list = document.getElementById("f-" + pathId(path.slice(0, -1).concat(["indikator", j, "kode"])) + "-list");
        if (!list) return;
        list.textContent = "";
        options.forEach(function (o) { list.appendChild(el("option", { value: o.value, label: o.label })); });
      });
    }
    update();
  }

  function fieldSchema(path) {
    var s = DATA.schema;
    path.forEach(function (p) { s = typeof p === "number" ? s.items : s.properties[p]; });
    return s;
  }

  function cleaned(d) {
    // what the writer and the validator see: missing required text stays "" so the message names it
    return JSON.parse(JSON.stringify(d));
  }

  function update() {
    var d = cleaned(state);
    var problems = schemaMessages(d).concat(crossMessages(d, cycle));
    document.querySelectorAll("#rkt-form-fields .rkt-field-error").forEach(function (p) { p.textContent = ""; });
    document.querySelectorAll("#rkt-form-fields [aria-invalid]").forEach(function (i) { i.removeAttribute("aria-invalid"); });
    problems.forEach(function (pr) {
      var target = null;
      for (var n = pr.path.length; n >= 0 && !target; n--) {
        target = document.getElementById("f-" + pathId(pr.path.slice(0, n)) + "-err");
      }
      if (!target) target = document.getElementById("rkt-form-errors");
      target.textContent = (target.textContent ? target.textContent + " " : "") + pr.message + ".";
      var input = document.getElementById("f-" + pathId(pr.path));
      if (input) input.setAttribute("aria-invalid", "true");
    });
    var t = totals(d);
    t.program.forEach(function (v, i) {
      var node = document.getElementById("t-" + pathId(["program", i]));
      if (node) node.textContent = "Jumlah anggaran program: " + rupiah(v);
    });
    var pagu = cycle.pagu[d.unit];
    document.getElementById("rkt-total").textContent = "Jumlah anggaran unit: " + rupiah(t.total) +
      (pagu !== undefined ? " dari pagu " + rupiah(pagu) + " (sisa " + rupiah(pagu - t.total) + ")" : "");
    var summary = document.getElementById("rkt-form-status");
    var result = document.getElementById("rkt-result");
    var yaml = document.getElementById("rkt-yaml");
    if (problems.length) {
      summary.textContent = problems.length + " isian perlu diperbaiki. Hasil belum dapat diambil.";
      summary.className = "rkt-status rkt-status-bad";
      result.hidden = true;
      yaml.textContent = "";
      return;
    }
    summary.textContent = "Semua isian sudah benar.";
    summary.className = "rkt-status rkt-status-ok";
    result.hidden = false;
    yaml.textContent = formYaml(d, unit.header);
    prepareSubmit(yaml.textContent);
  }

  function prepareSubmit(text) {
    var gh = document.getElementById("rkt-submit");
    var note = document.getElementById("rkt-submit-note");
    var file = "cycles/" + cycle.tahun + "/forms/" + unit.kode + ".yaml";
    gh.hidden = true;
    if (!DATA.repo_url) {
      note.textContent = "Alamat repositori GitHub belum diatur (extra.repositori di mkdocs.yml): unduh berkas lalu unggah ke " + file + ".";
      return;
    }
    if (unit.ada) {
      note.textContent = "Form unit ini sudah ada di repositori. Unduh berkas, lalu di GitHub buka " + file +
        ", pilih ikon pensil (Edit), ganti seluruh isinya dengan isi berkas ini, dan ajukan pull request. " +
        "Lihat Panduan: Isi Form RKT di situs.";
      return;
    }
    var url = DATA.repo_url.replace(/\/+$/, "") + "/new/" + encodeURIComponent(DATA.branch) + "/cycles/" + cycle.tahun +
      "/forms?filename=" + encodeURIComponent(unit.kode + ".yaml") + "&value=" + encodeURIComponent(text);
    if (url.length > 7500) {
      note.textContent = "Isi form terlalu panjang untuk dikirim lewat tautan. Unduh berkas, lalu di GitHub pilih " +
        "Add file → Upload files di folder cycles/" + cycle.tahun + "/forms/.";
      return;
    }
    gh.href = url;
    gh.hidden = false;
    note.textContent = "GitHub akan membuka halaman berkas baru " + file + " yang sudah terisi; pilih Commit changes lalu ajukan pull request.";
  }

  // ---- page ----------------------------------------------------------------------------
  function start() {
    compile();
    var cycles = DATA.cycles;
    if (!cycles.length) { mount.textContent = "Tidak ada siklus RKT yang sedang berjalan."; return; }
    var pickCycle = el("select", { id: "rkt-pick-cycle" }, cycles.map(function (c) {
      return el("option", { value: String(c.tahun), text: "RKT " + c.tahun });
    }));
    var pickUnit = el("select", { id: "rkt-pick-unit" });
    function fillUnits() {
      var c = cycles.filter(function (x) { return String(x.tahun) === pickCycle.value; })[0];
      pickUnit.textContent = "";
      c.units.forEach(function (u) {
        pickUnit.appendChild(el("option", { value: u.kode, text: u.nama + (u.ada ? " (sudah ada)" : " (belum ada)") }));
      });
    }
    pickCycle.addEventListener("change", fillUnits);
    fillUnits();
    var open = el("button", { type: "button", id: "rkt-open", "class": "md-button md-button--primary", text: "Buka form" });
    open.addEventListener("click", function () {
      cycle = cycles.filter(function (x) { return String(x.tahun) === pickCycle.value; })[0];
      unit = cycle.units.filter(function (u) { return u.kode === pickUnit.value; })[0];
      state = clone(unit.data);
      document.getElementById("rkt-editor").hidden = false;
      render();
      document.getElementById("rkt-editor-title").focus();
    });
    var chooser = el("div", { "class": "rkt-chooser" }, [
      el("label", { "for": "rkt-pick-cycle", text: "Siklus" }), pickCycle,
      el("label", { "for": "rkt-pick-unit", text: "Unit" }), pickUnit, open
    ]);
    var copy = el("button", { type: "button", id: "rkt-copy", "class": "md-button", text: "Salin" });
    copy.addEventListener("click", function () {
      var text = document.getElementById("rkt-yaml").textContent;
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { copy.textContent = "Tersalin"; });
    });
    var download = el("button", { type: "button", id: "rkt-download", "class": "md-button", text: "Unduh berkas" });
    download.addEventListener("click", function () {
      var blob = new Blob([document.getElementById("rkt-yaml").textContent], { type: "text/yaml;charset=utf-8" });
      var a = el("a", { href: URL.createObjectURL(blob), download: unit.kode + ".yaml" });
      document.body.appendChild(a); a.click(); a.remove();
    });
    var submit = el("a", { id: "rkt-submit", "class": "md-button md-button--primary", text: "Ajukan ke GitHub",
      target: "_blank", rel: "noopener noreferrer" });
    submit.hidden = true;
    var editor = el("section", { id: "rkt-editor", "aria-labelledby": "rkt-editor-title" }, [
      el("h2", { id: "rkt-editor-title", tabindex: "-1", text: "Form RKT" }),
      el("div", { id: "rkt-form-fields" }),
      el("p", { id: "rkt-total", "class": "rkt-total", "aria-live": "polite" }),
      el("p", { id: "rkt-form-errors", "class": "rkt-field-error", role: "alert" }),
      el("p", { id: "rkt-form-status", "class": "rkt-status", role: "status" }),
      el("div", { id: "rkt-result" }, [
        el("h3", { text: "Hasil" }),
        el("pre", { id: "rkt-yaml", "class": "rkt-yaml", tabindex: "0", "aria-label": "Isi berkas form (YAML)" }),
        el("div", { "class": "rkt-actions" }, [copy, download, submit]),
        el("p", { id: "rkt-submit-note", "class": "rkt-help" })
      ])
    ]);
    editor.hidden = true;
    mount.textContent = "";
    mount.appendChild(chooser);
    mount.appendChild(editor);
  }

  ajvReady(start);
})();
