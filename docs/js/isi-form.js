/*
 * The form engine of "Isi Form RKT" and "Isi Laporan Triwulan": fill a unit's Form RKT, or its
 * quarterly report, in the browser, checked with the project's own JSON Schema (Ajv, vendored)
 * and the same rules about one file as `rkt validate`, and hand the result over as a download or
 * to GitHub. Nothing leaves the browser until the user chooses to. What differs between the two
 * pages is data: the schema, the rules (formrules.RULES, formrules.REPORT_RULES), the periods
 * (a cycle; a year's quarter), the words (`halaman`), the file's path, and the unit's own choices
 * shown read-only beside an item (`rujukan`: the Rencana Aksi's targets, the form's pagu).
 *
 * Everything the page knows is embedded at build time (#rkt-form-data): the inlined form
 * schema, the running cycles with their units and prefilled data, the Renstra codes, and the
 * rules about one form as data (generator/formrules.py: rule kinds and their parameters,
 * message templates, the loader's limits). This script is a generic engine over that data:
 * the fields come from the schema, the checks from the rules, the messages from Python.
 *
 * Work is never lost: every change is kept in localStorage per cycle and unit and offered back;
 * deletions can be undone; a half-done form downloads as a draft (`draf: true`, which
 * `rkt validate` refuses with a message saying what to do) and loads back from the file.
 *
 * A classic script (not a module) so that the downloaded site also works from file://.
 */
(function () {
  "use strict";

  var mount = document.getElementById("rkt-isi-form");
  var dataNode = document.getElementById("rkt-form-data");
  if (!mount || !dataNode) return;
  var DATA = JSON.parse(dataNode.textContent);
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.replace(/js\/isi-form\.js(\?.*)?$/, "");
  // What differs between the pages built on this engine ("Isi Form RKT", "Isi Laporan Triwulan"):
  // the words, where drafts are kept, which fields are chosen above the form. The RKT form's
  // data names none of these, and gets its own words as before.
  var PAGE = Object.assign({
    penyimpanan: "rkt-isi-form:",  // the localStorage prefix of this page's drafts
    benda: "form",                 // what is being filled in, in the buttons and messages
    judul: "Form RKT",             // the editor's title, before the period and the unit
    halaman: "Isi Form RKT",       // the page, as a draft's note names it
    panduan: "Isi Form RKT lewat situs",
    pilih_siklus: "Siklus",
    tidak_ada: "Tidak ada siklus RKT yang sedang berjalan.",
    bukan_berkas: "isi berkas bukan Form RKT (harus berupa kelompok isian: tahun, unit, kinerja, program)",
    dipilih: ["tahun", "unit"]     // the fields set by the choice above the form, not typed in it
  }, DATA.halaman || {});
  var STORE_PREFIX = PAGE.penyimpanan;
  var THING = PAGE.benda;
  var Thing = THING.charAt(0).toUpperCase() + THING.slice(1);
  // a period to fill in (a cycle of the RKT form, a year's quarter of the report): its key and name
  function periodKey(c) { return c.kunci || String(c.tahun); }
  function periodName(c) { return c.label || "RKT " + c.tahun; }

  // ---- small helpers ---------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function rupiah(n) { return "Rp " + grouped(n); }
  function pathId(path) { return "f-" + path.join("-").replace(/[^A-Za-z0-9_-]/g, "_"); }
  function get(obj, path) { return path.reduce(function (o, k) { return o == null ? undefined : o[k]; }, obj); }
  function clone(x) { return x === undefined ? undefined : JSON.parse(JSON.stringify(x)); }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function startsWith(path, prefix) {
    if (prefix.length > path.length) return false;
    for (var i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
    return true;
  }
  function template(name, values) {
    return DATA.pesan[name].replace(/\{([a-z_]+)\}/g, function (_, k) { return String(values[k]); });
  }
  function choices(codes) { return codes.length ? codes.join(", ") : DATA.kosong; }
  function types(schema) { return [].concat((schema && schema.type) || []); }
  function words(t) { return String(t).split(/\s+/).filter(Boolean).join(" "); }

  // ---- an amount of rupiah as typed ("60.000.000", "Rp 60.000.000", "60 juta"): core/amount.py -----
  var AMOUNT = DATA.anggaran;
  var AMOUNT_TEXT = /^(?:rp\.?|idr)?\s*([0-9][0-9.,]*?)\s*([a-z]+)?\s*(?:,-|,00|\.-)?$/i;

  function amountMessage(name, values) {
    return AMOUNT.pesan[name].replace(/\{([a-z_]+)\}/g, function (_, k) { return String(values[k]); });
  }
  // [whole rupiah, null], [null, a message with {teks} left open] or [null, null]
  function amountNumber(num, scale, word) {
    if (/^[0-9]+$/.test(num)) return [Number(num) * scale, null];
    if (/^[0-9]{1,3}(?:\.[0-9]{3})+$/.test(num)) return [Number(num.replace(/\./g, "")) * scale, null];
    if (/^[0-9]{1,3}(?:,[0-9]{3})+$/.test(num)) {
      var saran = word ? num.replace(/,/g, ".") + " " + word : grouped(num.replace(/,/g, "").replace(/^0+(?=[0-9])/, ""));
      return [null, amountMessage("koma_ribuan", { teks: "{teks}", saran: saran })];
    }
    var d = /^([0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+),([0-9]+)$/.exec(num);
    if (d) {
      var exact = BigInt(d[1].replace(/\./g, "") + d[2]) * BigInt(scale);
      var unit = BigInt(10) ** BigInt(d[2].length);
      if (exact % unit === BigInt(0)) return [Number(exact / unit), null];
      return [null, amountMessage("bukan_bulat", { teks: "{teks}", saran: grouped(exact / unit) })];
    }
    if (word && /^[0-9]+\.[0-9]+$/.test(num)) {
      return [null, amountMessage("titik_desimal", { teks: "{teks}", saran: num.replace(/\./g, ",") + " " + word })];
    }
    if (/^[0-9]+(?:\.[0-9]+)+$/.test(num)) return [null, amountMessage("titik_salah", { teks: "{teks}", saran: "60.000.000" })];
    return [null, null];
  }
  // what an amount typed as text says: { value } read, { problem } refused with its fix, or {} no amount at all
  function readAmount(typedText) {
    var t = words(typedText);
    var m = AMOUNT_TEXT.exec(t);
    if (!m) return {};
    var num = m[1], word = (m[2] || "").toLowerCase();
    if (word && !(word in AMOUNT.skala)) {
      var full = AMOUNT.singkatan[word];
      if (!full) return {};
      var v = amountNumber(num, AMOUNT.skala[full], full)[0];
      var spelled = num + " " + full;
      return { problem: amountMessage("singkatan", { singkatan: word === "m" ? "M" : word,
        saran: v !== null ? "'" + spelled + "' atau '" + grouped(v) + "'" : "'" + spelled + "'" }) };
    }
    var got = amountNumber(num, AMOUNT.skala[word] || 1, word);
    if (got[1] !== null) return { problem: got[1].replace("{teks}", t) };
    if (got[0] === null || String(got[0]).length > AMOUNT.maks_digit || got[0] >= 1e15) return {};
    return { value: got[0] };
  }

  // ---- a date as typed ("27/11/2026", "27 November 2026", "27 Nov 2026"): core/dates.py -----------
  var DATES = DATA.tanggal;
  function readDate(typedText) {
    var t = words(typedText);
    var m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(t);
    var y, mo, d;
    if (m) { y = m[1]; mo = Number(m[2]); d = m[3]; } else {
      m = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/.exec(t);
      if (m) { d = m[1]; mo = Number(m[2]); y = m[3]; } else {
        m = /^([0-9]{1,2})\.?\s+(\p{L}+)\.?\s+([0-9]{4})$/u.exec(t);
        if (!m) return null;
        d = m[1]; mo = DATES.nama_bulan[m[2].toLowerCase()]; y = m[3];
        if (!mo) return null;
      }
    }
    var date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(Number(y), mo - 1, Number(d));
    if (Number(y) < 1 || date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== Number(d)) return null;
    return y + "-" + ("0" + mo).slice(-2) + "-" + ("0" + Number(d)).slice(-2);
  }
  function shownDate(iso) {
    var p = iso.split("-");
    return Number(p[2]) + " " + DATES.bulan[Number(p[1]) - 1] + " " + Number(p[0]);
  }

  // ---- what a typed target says ("0,70", "16.46", "85 point"): core/target.py ---------------------
  var T_SHAPE = /^([<>]=?|[\u2264\u2265\u00b1])?\s*([+-]?[0-9][0-9.,]*)(?:\s*(%)|\s+(\p{L}[^\n]*?))?\s*$/u;
  function decimalText(s) { return s.replace(/^\+/, "").replace(/^(-?)0+(?=[0-9])/, "$1"); }
  // [value (a decimal text with "." or null), dotted, the unambiguous spellings]
  function targetDecimal(n) {
    if (/^[+-]?[0-9]+$/.test(n)) return [n, false, []];
    if (/^[+-]?[0-9]+,[0-9]+$/.test(n)) return [n.replace(",", "."), false, []];
    if (/^[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?$/.test(n)) {
      var whole = n.split(",")[0], frac = n.indexOf(",") >= 0 ? n.slice(n.indexOf(",") + 1) : "";
      if (/^[+-]?0/.test(whole)) return [n, true, [n.replace(/\./g, ",")]];
      if (whole.split(".").length === 2 && !frac) return [null, true, [n.replace(/\./g, ","), n.replace(/\./g, "")]];
      return [whole.replace(/\./g, "") + (frac ? "." + frac : ""), false, []];
    }
    if (/^[+-]?[0-9]+\.[0-9]+$/.test(n)) return [n, true, [n.replace(".", ",")]];
    var en = /^([+-]?[0-9]{1,3}(?:,[0-9]{3})+)\.([0-9]+)$/.exec(n);
    if (en) return [null, true, [en[1].replace(/,/g, ".") + "," + en[2]]];
    return [null, false, []];
  }
  // "80–90%", "0,60–0,70": a range (core/target.py _range); the text as typed when it is none
  var T_RANGE = /^([0-9][0-9.,]*)\s*(%)?\s*[-\u2013\u2014]\s*([0-9][0-9.,]*)(?:\s*(%)|\s+(\p{L}[^\n]*?))?\s*$/u;
  function parseRange(out, t, satuan) {
    var m = T_RANGE.exec(t);
    if (!m || (m[2] && m[5])) return out;
    var low = targetDecimal(m[1]), high = targetDecimal(m[3]);
    if (low[0] === null || high[0] === null || low[1] || high[1] || Number(low[0]) > Number(high[0])) return out;
    var unit = m[2] || m[4] ? "%" : (m[5] || null);
    out.inText = unit !== null;
    if (unit === null && satuan) unit = ["%", "persen"].indexOf(words(satuan).toLowerCase()) >= 0 ? "%" : satuan;
    out.kind = "rentang";
    out.unit = unit;
    out.low = low[0];
    out.high = high[0];
    return out;
  }
  function parseTarget(typedValue, satuan) {
    var out = { text: String(typedValue), kind: "teks", value: null, unit: null, comparator: null, dotted: false, fix: null,
      inText: false, low: null, high: null };
    var unit = null;
    if (typeof typedValue === "number") {
      out.value = String(typedValue);
    } else {
      var t = words(typedValue);
      if (["-", "\u2013", "\u2014"].indexOf(t) >= 0) { out.kind = "tanpa target"; return out; }
      if (["AA", "A", "BB", "B", "CC", "C", "D"].indexOf(t) >= 0) { out.kind = "predikat"; return out; }
      var m = T_SHAPE.exec(t);
      if (!m) return parseRange(out, t, satuan);
      var dec = targetDecimal(m[2]);
      if (dec[0] === null && !dec[1]) return out;
      unit = m[3] ? "%" : (m[4] || null);
      out.value = dec[0];
      out.comparator = m[1] || null;
      out.dotted = dec[1];
      if (dec[2].length) {
        var prefix = m[1] ? m[1] + " " : "";
        var suffix = unit ? (m[3] ? "%" : " " + m[4]) : "";
        var written = dec[2].map(function (s) { return "\"" + prefix + s + suffix + "\""; });
        out.fix = written.length === 1 ? written[0] : written[0] + " bila pecahan, atau " + written[1] + " bila ribuan";
      }
    }
    out.inText = unit !== null;
    if (unit === null && satuan) unit = satuan;
    var key = unit ? words(unit).toLowerCase() : "";
    out.kind = key === "%" || key === "persen" ? "persen" : key === "indeks" || key === "index" ? "indeks" : unit ? "jumlah" : "angka";
    out.unit = out.kind === "persen" ? "%" : unit;
    return out;
  }
  function sameTarget(a, b) {
    if (a.value !== null && b.value !== null) {
      return Number(a.value) === Number(b.value) && a.comparator === b.comparator &&
        (a.unit ? words(a.unit).toLowerCase() : "") === (b.unit ? words(b.unit).toLowerCase() : "");
    }
    return words(a.text).toLowerCase() === words(b.text).toLowerCase();
  }
  // RKT222 and RKT229 (formrules.dotted_target, formrules.bare_number)
  function dottedTarget(typedValue) {
    var t = parseTarget(typedValue, null);
    if (!t.dotted) return null;
    var arti = t.value !== null ? template("titik_desimal_angka", { angka: decimalText(t.value).replace(".", ",") })
      : template("titik_desimal_ganda", {});
    return template("titik_desimal", { target: t.text, arti: arti, saran: t.fix });
  }
  function bareNumber(typedValue, ind) {
    if (typedValue === null || typedValue === undefined || ind.satuan) return null;
    var t = parseTarget(typedValue, null);
    if (t.kind !== "angka" || t.dotted || t.value === null) return null;
    var name = ind.uraian.trim().toLowerCase().indexOf("persentase") === 0 ? "tanpa_satuan_persen" : "tanpa_satuan";
    return template(name, { target: words(String(typedValue)), kode: ind.kode, berkas: DATA.berkas_renstra });
  }

  // ---- loading the vendored libraries ------------------------------------------------------
  function loadScript(src, then) {
    var s = document.createElement("script");
    s.src = base + src;
    s.onload = then;
    s.onerror = function () { mount.textContent = "Pemeriksa isian tidak dapat dimuat; muat ulang halaman ini."; };
    document.head.appendChild(s);
  }
  function ready(then) {
    var need = [];
    if (!window.ajv2020) need.push("vendor/ajv-8.17.1/ajv2020.min.js");
    if (!window.jsyaml) need.push("vendor/js-yaml-4.1.0/js-yaml.min.js");
    (function next() { if (!need.length) then(); else loadScript(need.shift(), next); })();
  }

  // ---- reading a file: the strict loader's rules (generator/load.py), on js-yaml -----------
  var R = DATA.pembaca;
  var REFUSED = new RegExp("[" + R.karakter_ditolak + "]");
  var REFUSED_DECODED = new RegExp("[" + R.karakter_ditolak + "\\r]");
  var PLAIN_INT = /^-?(?:0|[1-9][0-9]*)$/;

  function TooLong(digits) { this.digits = digits; }

  function yamlSchema() {
    // only plain decimal integers, true/false and the null words are typed; everything else
    // stays text, as in load.py. The tags are private, so any explicit tag is refused.
    function type(name, resolve, construct) {
      return new window.jsyaml.Type("tag:rkt-dashboard,2026:" + name, { kind: "scalar", resolve: resolve, construct: construct });
    }
    return new window.jsyaml.Schema({ implicit: [
      type("null", function (d) { return R.kosong.indexOf(d) >= 0; }, function () { return null; }),
      type("bool", function (d) { return d === "true" || d === "false"; }, function (d) { return d === "true"; }),
      type("int", function (d) { return PLAIN_INT.test(d); }, function (d) {
        var digits = d.replace(/^-/, "").length;
        return digits > R.maks_digit ? new TooLong(digits) : Number(d);
      })
    ] });
  }

  function lineOf(text, index) { return text.slice(0, index).split("\n").length; }

  function readYaml(bytes) {
    var problems = [];
    function bad(code, message) { problems.push({ code: code, message: message, path: [], at: null }); }
    if (bytes.length > R.maks_byte) {
      bad("RKT001", "berkas terlalu besar (lebih dari " + grouped(R.maks_byte) + " byte)");
      return { problems: problems };
    }
    var text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (e) {
      bad("RKT002", "berkas bukan teks UTF-8 (kemungkinan disimpan dengan pengodean Windows-1252); simpan ulang sebagai UTF-8");
      return { problems: problems };
    }
    var m = REFUSED.exec(text);
    if (m) {
      bad("RKT003", "karakter tak terlihat U+" + ("000" + m[0].charCodeAt(0).toString(16).toUpperCase()).slice(-4) +
        " di baris " + lineOf(text, m.index) + " tidak diizinkan; hapus karakter itu");
    }
    if (/\r(?!\n)/.test(text)) bad("RKT003", "karakter CR tanpa LF sesudahnya; simpan ulang berkas dengan akhir baris LF atau CRLF");
    if (problems.length) return { problems: problems };
    text = text.replace(/\r\n/g, "\n");
    var data;
    try {
      data = window.jsyaml.load(text, { schema: yamlSchema(), listener: function (event, state) {
        if (event !== "close") return;
        if (state.anchor !== null) bad("RKT006", "anchor/alias YAML (& dan *) di baris " + (state.line + 1) + " tidak diizinkan; tulis nilainya langsung");
        if (state.tag !== null && state.tag !== "?" && state.tag.indexOf("tag:rkt-dashboard,2026:") !== 0) {
          bad("RKT007", "tag YAML di baris " + (state.line + 1) + " tidak diizinkan; hapus tag itu");
        }
      } });
    } catch (e) {
      var reason = String(e.reason || e.message || e);
      var line = e.mark ? " (baris " + (e.mark.line + 1) + ")" : "";
      if (e instanceof RangeError) bad("RKT009", "struktur bersarang terlalu dalam");
      else if (/duplicated mapping key/.test(reason)) bad("RKT005", "kunci yang sama ditulis dua kali di bagian yang sama" + line + "; hapus salah satunya");
      else if (/unknown tag|tag handle/.test(reason)) bad("RKT007", "tag YAML tidak diizinkan" + line + "; hapus tag itu");
      else if (/unidentified alias/.test(reason)) bad("RKT006", "alias YAML (*) tidak diizinkan" + line);
      else if (/single document/.test(reason)) bad("RKT010", "berkas berisi lebih dari satu dokumen YAML (---); satu berkas satu dokumen");
      else if (/tab characters/.test(reason)) bad("RKT004", "karakter Tab tidak boleh dipakai untuk indentasi" + line + "; ganti dengan spasi");
      else bad("RKT004", "kesalahan penulisan YAML" + line + "; periksa indentasi dan tanda baca, dan beri tanda kutip pada teks yang diawali tanda baca");
      return { problems: problems };
    }
    if (data === undefined || data === null) bad("RKT010", "berkas kosong; isi data belum ada");
    (function walk(v, depth) {
      if (v instanceof TooLong) {
        bad("RKT011", "angka sepanjang " + v.digits + " digit terlalu besar (paling banyak " + R.maks_digit + " digit)");
      } else if (typeof v === "string") {
        if (REFUSED_DECODED.test(v)) bad("RKT003", "kode escape di dalam tanda kutip ganda menghasilkan karakter tak terlihat; hapus kode itu");
      } else if (v !== null && typeof v === "object") {
        if (depth >= R.maks_tingkat) { bad("RKT009", "struktur bersarang lebih dari " + R.maks_tingkat + " tingkat"); return; }
        Object.keys(v).forEach(function (k) {
          if (REFUSED_DECODED.test(k)) bad("RKT003", "kunci memuat karakter tak terlihat");
          walk(v[k], depth + 1);
        });
      }
    })(data, 0);
    return problems.length ? { problems: problems } : { data: data, problems: [] };
  }

  // ---- writing: the project's YAML style (generator/yamlwrite.py), in schema order ------------
  var RISKY = "-?:,[]{}#&*!|>'\"%@`";
  var RESERVED = ["", "~", "null", "true", "false"];

  function scalar(v) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return String(v);
    if (typeof v === "object") return JSON.stringify(JSON.stringify(v));
    var t = String(v);
    if (RESERVED.indexOf(t) >= 0 || ["yes", "no", "on", "off"].indexOf(t.toLowerCase()) >= 0 ||
        PLAIN_INT.test(t) || RISKY.indexOf(t[0]) >= 0 || t !== t.trim() || t.indexOf(": ") >= 0 ||
        t.indexOf(" #") >= 0 || /:$/.test(t) || t.indexOf("\n") >= 0 || t.indexOf("\t") >= 0 ||
        /%$/.test(t) || /^[-+0-9.,:eE_]+$/.test(t)) {
      return JSON.stringify(t);
    }
    return t;
  }

  function pad(n) { return new Array(n + 1).join(" "); }

  function orderedKeys(schema, obj) {
    var known = Object.keys((schema && schema.properties) || {});
    return known.filter(function (k) { return obj[k] !== undefined && obj[k] !== null; })
      .concat(Object.keys(obj).filter(function (k) { return known.indexOf(k) < 0 && obj[k] !== undefined; }));
  }

  function valueText(v, schema, pattern) {
    if (typeof v === "string" && DATA.selalu_kutip.indexOf(pattern) >= 0) return JSON.stringify(v);
    if (typeof v === "string" && schema && schema.format === "date" && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v)) return v;
    return scalar(v);
  }

  function writeMapping(out, schema, obj, pattern, indent, asItem) {
    orderedKeys(schema, obj).forEach(function (key, i) {
      var lead = asItem && i === 0 ? pad(indent - 2) + "- " : pad(indent);
      var sub = ((schema && schema.properties) || {})[key];
      var here = pattern ? pattern + "." + key : key;
      var v = obj[key];
      if (indent === 0 && DATA.comments[key]) out.push("\n" + DATA.comments[key] + "\n");
      if (Array.isArray(v)) {
        if (!v.length) { if (indent === 0) out.push(lead + key + ": []\n"); return; }
        out.push(lead + key + ":\n");
        v.forEach(function (item) {
          if (isObject(item) && Object.keys(item).length) {
            writeMapping(out, sub && sub.items, item, here + ".*", indent + 4, true);
          } else {
            out.push(pad(indent + 2) + "- " + valueText(item, sub && sub.items, here + ".*") + "\n");
          }
        });
      } else if (isObject(v)) {
        if (!Object.keys(v).length) { out.push(lead + key + ": {}\n"); return; }
        out.push(lead + key + ":\n");
        writeMapping(out, sub, v, here, indent + 2, false);
      } else {
        out.push(lead + key + ": " + valueText(v, sub, here) + "\n");
      }
    });
  }

  function formYaml(d, header, draftNote) {
    var out = [header];
    if (draftNote) out.push(draftNote);
    writeMapping(out, DATA.schema, d, "", 0, false);
    return out.join("");
  }

  // ---- checking: the schema (Ajv) and the rules about one form (formrules.py) --------------
  var validateSchema = null;

  function compile() {
    var Ajv = window.ajv2020.default || window.ajv2020;
    var ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    ajv.addFormat("date", function (v) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
      var d = new Date(v + "T00:00:00Z");
      return !isNaN(d) && d.toISOString().slice(0, 10) === v;
    });
    validateSchema = ajv.compile(DATA.schema);
  }

  var TYPE_NAMES = { string: "teks", integer: "bilangan bulat", number: "angka", boolean: "true atau false",
    array: "daftar", object: "kelompok isian", "null": "kosong" };
  var THOUSANDS = /^(?:Rp\.?\s*)?[0-9]{1,3}(?:[.,][0-9]{3})+(?:,00)?$/;

  function title(schema, path) { return (schema && schema.title) || "'" + String(path[path.length - 1]) + "'"; }

  function schemaProblems(d) {
    if (validateSchema(d)) return [];
    return validateSchema.errors.map(function (e) {
      var at = e.instancePath.split("/").slice(1).map(function (p) {
        p = p.replace(/~1/g, "/").replace(/~0/g, "~");
        return /^(0|[1-9][0-9]*)$/.test(p) ? Number(p) : p;
      });
      var path = at;
      var sch = e.parentSchema || {};
      var value = e.data;
      var label = title(sch, path);
      var msg;
      if (e.keyword === "required") {
        var name = e.params.missingProperty;
        path = at.concat([name]);
        msg = title((sch.properties || {})[name], path) + " wajib diisi";
      } else if (e.keyword === "additionalProperties") {
        path = at.concat([e.params.additionalProperty]);
        at = path;
        msg = "isian '" + e.params.additionalProperty + "' tidak dikenal di " + label + "; hapus isian ini atau perbaiki namanya";
      } else if (e.keyword === "type") {
        var wanted = types(sch).map(function (t) { return TYPE_NAMES[t] || t; }).join(" atau ");
        var refusedAmount = typeof value === "string" && isAmount(sch) ? readAmount(value).problem : null;
        msg = label + " harus berupa " + wanted;
        if (refusedAmount) {
          msg = label + ": " + refusedAmount;  // "60,000,000", "60jt": why, and how to write it
        } else if (typeof value === "string" && types(sch).indexOf("integer") >= 0 && THOUSANDS.test(value.trim())) {
          msg += "; tulis angka tanpa titik/koma pemisah ribuan dan tanpa 'Rp', misalnya " +
            value.replace(/,00$/, "").replace(/[^0-9]/g, "");
        } else if (typeof value === "string" && /^-?[0-9]+[.,][0-9]+$/.test(value.trim())) {
          msg += "; harus bilangan bulat tanpa pecahan";
        } else if (typeof value === "string") {
          msg += ", bukan teks '" + value + "'";
        }
      } else if (e.keyword === "pattern") {
        msg = label + " '" + value + "' tidak sesuai format" + (sch.examples ? "; contoh: " + JSON.stringify(sch.examples[0]) : "");
      } else if (e.keyword === "format") {
        msg = label + " '" + value + "' bukan tanggal yang benar; tulis misalnya 27/11/2026 atau 27 November 2026, " +
          "atau pilih di kalender";
      } else if (e.keyword === "minLength") {
        msg = label + " wajib diisi";
      } else if (e.keyword === "maxLength") {
        msg = label + " terlalu panjang (paling banyak " + sch.maxLength + " karakter)";
      } else if (/imum$/.test(e.keyword)) {
        msg = label + " di luar batas (" + (/inimum/.test(e.keyword) ? "paling sedikit " : "paling banyak ") +
          grouped(sch[e.keyword]) + ")";
      } else if (e.keyword === "minItems" || e.keyword === "maxItems") {
        msg = label + " harus berisi " + (e.keyword === "minItems" ? "paling sedikit " : "paling banyak ") +
          sch[e.keyword] + " butir";
      } else if (e.keyword === "enum" || e.keyword === "const") {
        msg = label + " bukan pilihan yang sah";
      } else {
        msg = label + " tidak sesuai aturan isian";
      }
      return { path: path, at: at, code: DATA.kode_skema[e.keyword] || "RKT100", message: msg };
    });
  }

  // every list named by a pattern ("program.*.kegiatan"): its path, items and owner
  function lists(d, pattern) {
    var found = [];
    (function walk(node, parts, path, owner) {
      if (!parts.length) { if (Array.isArray(node)) found.push({ path: path, items: node, owner: owner }); return; }
      var head = parts[0];
      if (head === "*") {
        if (Array.isArray(node)) node.forEach(function (item, i) { walk(item, parts.slice(1), path.concat([i]), item); });
      } else if (isObject(node)) {
        walk(node[head], parts.slice(1), path.concat([head]), node);
      }
    })(d, pattern.split("."), [], null);
    found.forEach(function (l) { l.owner = get(d, l.path.slice(0, -1)); });
    return found;
  }
  function text(v) { return typeof v === "string" && v !== ""; }

  // the budget of a node: its own amount when stated, else the sum of its lists' items
  function budget(node, key) {
    if (!isObject(node)) return 0;
    if (typeof node[key] === "number") return node[key];
    var sum = 0;
    Object.keys(node).forEach(function (k) {
      if (Array.isArray(node[k])) node[k].forEach(function (child) { sum += budget(child, key); });
    });
    return sum;
  }

  // the amount fields a budget was taken from
  function budgetPaths(node, key, path, out) {
    if (!isObject(node)) return;
    if (typeof node[key] === "number") { out.push(path.concat([key])); return; }
    Object.keys(node).forEach(function (k) {
      if (Array.isArray(node[k])) node[k].forEach(function (child, i) { budgetPaths(child, key, path.concat([k, i]), out); });
    });
  }

  // whether a node's total is known: its own amount, or every item of its lists known (an
  // amount left empty is unknown, never 0; a node with neither is unknown)
  function complete(node, key) {
    if (!isObject(node)) return false;
    if (typeof node[key] === "number") return true;
    var items = [];
    Object.keys(node).forEach(function (k) { if (Array.isArray(node[k])) items = items.concat(node[k]); });
    return items.length > 0 && items.every(function (child) { return complete(child, key); });
  }

  function hasBudget(node, key) {
    if (!isObject(node)) return false;
    if (typeof node[key] === "number") return true;
    return Object.keys(node).some(function (k) {
      return Array.isArray(node[k]) && node[k].some(function (child) { return hasBudget(child, key); });
    });
  }

  function renstraCodes() { return DATA.renstra.map(function (s) { return s.kode; }); }
  function renstraSasaran(kode) { return DATA.renstra.filter(function (s) { return s.kode === kode; })[0]; }
  function unitName(c, code) {
    // as the rules write it (formrules.unit_names): the unit's short name, its code only when unknown
    return (c.nama_unit && Object.prototype.hasOwnProperty.call(c.nama_unit, code)) ? c.nama_unit[code] : code;
  }

  function renstraIndicator(kode) {
    var found = null;
    DATA.renstra.forEach(function (s) { s.indikator.forEach(function (i) { if (i.kode === kode) found = i; }); });
    return found;
  }
  function present(v) { return v !== null && v !== undefined; }

  // every field `key` at or below a node, whatever its value (what a warning about amounts reads)
  function keyPaths(node, key, path, out) {
    if (!isObject(node)) return out;
    if (key in node) out.push(path.concat([key]));
    Object.keys(node).forEach(function (k) {
      if (Array.isArray(node[k])) node[k].forEach(function (child, i) { keyPaths(child, key, path.concat([k, i]), out); });
    });
    return out;
  }

  // the cycle's forms as `rkt validate` sees them with this one: the other units' forms on the
  // site, and this form in place of its unit's, in the order of their file names
  function cycleForms(d, c) {
    var forms = c.units.filter(function (u) { return u.ada && u.kode !== d.unit; })
      .map(function (u) { return { unit: u.kode, data: u.data, self: false }; });
    forms.push({ unit: d.unit, data: d, self: true });
    return forms.sort(function (a, b) { return (a.unit + ".yaml") < (b.unit + ".yaml") ? -1 : 1; });
  }
  function indicatorEntries(data, each) {
    (Array.isArray(data.kinerja) ? data.kinerja : []).forEach(function (row, i) {
      if (!isObject(row) || !Array.isArray(row.indikator)) return;
      row.indikator.forEach(function (t, j) { if (isObject(t)) each(t, ["kinerja", i, "indikator", j]); });
    });
  }

  var ENGINE = {
    unit: function (r, d, c, out) {
      if (text(d.unit) && c.unit_instansi.indexOf(d.unit) < 0) {
        out.push([["unit"], { unit: d.unit, pilihan: choices(c.unit_instansi.slice().sort()) }]);
      }
    },
    unit_wajib: function (r, d, c, out) {
      if (text(d.unit) && c.unit_instansi.indexOf(d.unit) >= 0 && c.unit_wajib.indexOf(d.unit) < 0) {
        out.push([["unit"], { unit: d.unit, tahun: c.tahun, berkas: c.berkas_siklus }]);
      }
    },
    tanggal_maks: function (r, d, c, out) {
      var v = d[r.key];
      if (typeof v === "string" && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v) && v > today(c)) {
        out.push([[r.key], { tanggal: v, hari_ini: today(c) }]);
      }
    },
    unik: function (r, d, c, out) {
      var groups = lists(d, r.list).map(function (l) { return [l]; });
      if (r.scope === "form") groups = [[].concat.apply([], groups)];
      groups.forEach(function (group) {
        var seen = {};
        group.forEach(function (l) {
          l.items.forEach(function (item, i) {
            if (!isObject(item) || !text(item[r.key])) return;
            if (seen[item[r.key]]) out.push([l.path.concat([i, r.key]), { apa: r.what, kode: item[r.key] }]);
            seen[item[r.key]] = true;
          });
        });
      });
    },
    rujukan: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        var codes, sasaran = null;
        if (r.table === "sasaran") codes = renstraCodes();
        else {
          sasaran = DATA.renstra.filter(function (s) { return isObject(l.owner) && s.kode === l.owner[r.parent_key]; })[0];
          if (!sasaran) return;  // the unknown sasaran is reported itself
          codes = sasaran.indikator.map(function (x) { return x.kode; });
        }
        l.items.forEach(function (item, i) {
          if (!isObject(item) || !text(item[r.key]) || codes.indexOf(item[r.key]) >= 0) return;
          out.push([l.path.concat([i, r.key]), { kode: item[r.key], sasaran: sasaran && sasaran.kode, pilihan: choices(codes) },
            null, [l.path.concat([i, r.key]), l.path.slice(0, -1).concat([r.parent_key || r.key])]]);
        });
      });
    },
    awalan: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        var prefix = isObject(l.owner) ? l.owner[r.parent_key] : null;
        if (!text(prefix)) return;
        l.items.forEach(function (item, i) {
          if (!isObject(item) || !text(item[r.key]) || item[r.key].indexOf(prefix + ".") === 0) return;
          out.push([l.path.concat([i, r.key]), { kode: item[r.key], induk: prefix }, null,
            [l.path.concat([i, r.key]), l.path.slice(0, -1).concat([r.parent_key])]]);
        });
      });
    },
    jumlah: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        l.items.forEach(function (node, i) {
          if (!isObject(node) || typeof node[r.key] !== "number" || !Array.isArray(node[r.child])) return;
          var budgeted = node[r.child].filter(function (x) { return hasBudget(x, r.key); });
          if (!budgeted.length) return;
          var total = 0;
          budgeted.forEach(function (x) { total += budget(x, r.key); });
          var values = { tingkat: r.what, kode: text(node.kode) ? node.kode : "'" + node.nama + "'",
            anggaran: rupiah(node[r.key]), anak: r.child_what,
            jumlah: rupiah(total), selisih: rupiah(Math.abs(node[r.key] - total)),
            rincian: budgeted.map(function (x) { return x.kode + " " + rupiah(budget(x, r.key)); }).join(", ") };
          var at = l.path.concat([i, r.key]);
          var reads = [at];
          node[r.child].forEach(function (x, j) { budgetPaths(x, r.key, at.slice(0, -1).concat([r.child, j]), reads); });
          var known = node[r.child].every(function (x) { return complete(x, r.key); });
          if (known && total !== node[r.key]) out.push([at, values, null, reads]);
          else if (total > node[r.key]) out.push([at, values, r.message_less, reads]);
        });
      });
    },
    // the warnings (formrules.py: RKT222, RKT229, RKT227, RKT225, RKT223, RKT224)
    titik_desimal: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        if (r.table && !(isObject(l.owner) && renstraSasaran(l.owner[r.parent_key]))) return;
        l.items.forEach(function (item, i) {
          var found = isObject(item) && present(item[r.key]) ? dottedTarget(item[r.key]) : null;
          if (found) out.push([l.path.concat([i, r.key]), {}, null, null, found]);
        });
      });
    },
    tanpa_satuan: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        var s = isObject(l.owner) ? renstraSasaran(l.owner[r.parent_key]) : null;
        if (!s) return;
        l.items.forEach(function (item, i) {
          var ind = isObject(item) && s.indikator.filter(function (x) { return x.kode === item.kode; })[0];
          var found = ind ? bareNumber(item[r.key], ind) : null;
          if (found) out.push([l.path.concat([i, r.key]), {}, null, null, found]);
        });
      });
    },
    uraian_berubah: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        l.items.forEach(function (item, i) {
          var ind = isObject(item) && text(item.kode) ? renstraIndicator(item.kode) : null;
          if (!ind || typeof item[r.key] !== "string" || words(item[r.key]).toLowerCase() === words(ind.uraian).toLowerCase()) return;
          out.push([l.path.concat([i, r.key]), { kode: item.kode, uraian: item[r.key], kini: ind.uraian, target: item.target }]);
        });
      });
    },
    tanpa_anggaran: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        if (r.parent_key && isObject(l.owner) && typeof l.owner[r.parent_key] === "number") return;  // covered above
        l.items.forEach(function (node, i) {
          if (!isObject(node) || hasBudget(node, r.key)) return;
          var at = l.path.concat([i]);
          out.push([at, { tingkat: r.what, kode: text(node.kode) ? node.kode : "'" + node.nama + "'", anak: r.child_what },
            null, keyPaths(node, r.key, at, [at])]);
        });
      });
    },
    belum_ada_target: function (r, d, c, out) {
      var forms = cycleForms(d, c);
      var units = forms.map(function (f) { return f.unit; });
      var given = {};
      forms.forEach(function (f) { indicatorEntries(f.data, function (t) { given[t[r.key]] = true; }); });
      Object.keys(c.wajib_target || {}).forEach(function (kode) {
        var responsible = c.wajib_target[kode];
        if (given[kode] || responsible.indexOf(d.unit) < 0) return;
        if (!responsible.every(function (u) { return units.indexOf(u) >= 0; })) return;
        var ind = renstraIndicator(kode);
        out.push([[r.list], { kode: kode, uraian: ind ? ind.uraian : "", unit: responsible.map(function (u) {
          return unitName(c, u); }).join(", ") }]);
      });
    },
    target_berbeda: function (r, d, c, out) {
      var answers = {};
      cycleForms(d, c).forEach(function (f) {
        indicatorEntries(f.data, function (t, path) {
          if (!text(t.kode) || !present(t[r.key])) return;
          (answers[t.kode] = answers[t.kode] || []).push({ unit: f.unit, target: t[r.key], path: f.self ? path : null });
        });
      });
      Object.keys(answers).forEach(function (kode) {
        var ind = renstraIndicator(kode);
        if (!ind) return;
        var parsed = answers[kode].map(function (a) { return parseTarget(a.target, ind.satuan); });
        var distinct = [];
        parsed.forEach(function (p) { if (!distinct.some(function (q) { return sameTarget(p, q); })) distinct.push(p); });
        if (distinct.length < 2) return;
        var listed = answers[kode].map(function (a) { return unitName(c, a.unit) + ": " + a.target; }).join("; ");
        answers[kode].forEach(function (a) {
          if (a.path) out.push([a.path.concat([r.key]), { kode: kode, daftar: listed }]);
        });
      });
    },
    pagu: function (r, d, c, out) {
      var pagu = c.pagu[d.unit];
      var total = unitTotal(d, r);
      if (typeof pagu === "number" && total > pagu) {
        var reads = [];
        d[r.list].forEach(function (p, i) { budgetPaths(p, r.key, [r.list, i], reads); });
        out.push([[r.list], { jumlah: rupiah(total), unit: d.unit, pagu: rupiah(pagu), selisih: rupiah(total - pagu) },
          null, reads]);
      }
    }
  };

  // ---- the rules about one quarterly report (formrules.REPORT_RULES; check/rules/performance_reports.py) ----
  // a realisation is read like its target (core/target.py) and must be written in the target's unit
  // (check/rules/performance_context.py: value_unlike_target, unit_words, example)
  var NUMERIC = ["angka", "persen", "indeks", "jumlah"];
  function numeric(t) { return NUMERIC.indexOf(t.kind) >= 0 && (t.value !== null || t.dotted); }
  function unitKey(t) { return t.unit ? words(t.unit).toLowerCase() : ""; }
  function unitsDiffer(a, b) { return !!(a.unit && b.unit) && unitKey(a) !== unitKey(b); }
  function valueUnlikeTarget(value, target) {
    if (value.kind === "tanpa target" || target.kind === "tanpa target") return false;
    if (target.kind === "rentang" || numeric(target)) return !numeric(value) || unitsDiffer(value, target);
    if (target.kind === "predikat") return value.kind !== "predikat";
    return false;
  }
  function unitWords(t) {
    if (t.kind === "predikat") return "predikat";
    if (t.kind === "teks") return "teks, bukan angka";
    if (t.kind === "rentang") return t.unit ? "rentang (" + t.unit + ")" : "rentang";
    if (t.unit === "%") return "persen (%)";
    return t.unit ? "satuan '" + t.unit + "'" : "angka tanpa satuan";
  }
  // an exact decimal ("0.65", "1500") as Indonesians write it ("0,65", "1.500"): core/capaian.decimal_text
  function decimalWords(v) {
    var parts = String(v).replace(/^\+/, "").split(".");
    var sign = parts[0].charAt(0) === "-" ? "-" : "";
    var whole = parts[0].replace(/^-/, "").replace(/^0+(?=[0-9])/, "");
    var frac = (parts[1] || "").replace(/0+$/, "");
    return sign + grouped(whole) + (frac ? "," + frac : "");
  }
  function exampleOf(value, target) {
    if (target.kind === "predikat") return "\"BB\"";
    var n = value.value !== null ? value.value : target.value !== null ? target.value : target.low;
    var shown = n !== null ? decimalWords(n) : "85";
    if (target.unit === "%") return "\"" + shown + "%\"";
    return target.unit && target.inText ? "\"" + shown + " " + target.unit + "\"" : "\"" + shown + "\"";
  }
  function unitFacts(c, kode) { return c.units.filter(function (u) { return u.kode === kode && u.rencana; })[0] || null; }
  function planned(u, kode) { return u ? u.rencana.filter(function (p) { return p.kode === kode; })[0] || null : null; }
  // each realisation of the report with what the rules know of it: (item, path, planned row or null)
  function realisations(r, d, c, each) {
    var u = unitFacts(c, d.unit);
    lists(d, r.list).forEach(function (l) {
      l.items.forEach(function (item, i) {
        if (isObject(item) && text(item.kode)) each(item, l.path.concat([i]), u, planned(u, item.kode));
      });
    });
  }
  function inRenstra(c, kode) { return c.indikator_renstra.indexOf(kode) >= 0; }

  var REPORT_ENGINE = {
    triwulan_berakhir: function (r, d, c, out) {
      if (d[r.key] !== c.triwulan || today(c) > c.akhir) return;
      out.push([[r.key], { triwulan: c.nama_triwulan, tahun: c.tahun, akhir: c.akhir, hari_ini: today(c), mulai: c.mulai_lapor }]);
    },
    renaksi_ada: function (r, d, c, out) {
      if (!text(d.unit) || c.unit_renaksi.indexOf(d.unit) >= 0) return;
      out.push([[r.key], { unit: unitName(c, d.unit), tahun: c.tahun, berkas: c.berkas_renaksi.replace("{unit}", d.unit) }]);
    },
    indikator_renstra: function (r, d, c, out) {
      realisations(r, d, c, function (item, at) {
        if (c.indikator_renstra.length && !inRenstra(c, item.kode)) {
          out.push([at.concat([r.key]), { kode: item.kode, pilihan: choices(c.indikator_renstra) }]);
        }
      });
    },
    indikator_renaksi: function (r, d, c, out) {
      realisations(r, d, c, function (item, at, u, p) {
        if (!u || p || !inRenstra(c, item.kode)) return;
        out.push([at.concat([r.key]), { kode: item.kode, unit: unitName(c, d.unit), berkas: u.renaksi_berkas,
          pilihan: choices(u.rencana.map(function (x) { return x.kode; })) }]);
      });
    },
    realisasi_titik: function (r, d, c, out) {
      realisations(r, d, c, function (item, at, u, p) {
        if (!p || !inRenstra(c, item.kode) || !present(item[r.key])) return;
        var value = parseTarget(item[r.key], p.satuan);
        if (value.dotted) out.push([at.concat([r.key]), { kode: item.kode, teks: value.text, saran: value.fix }]);
      });
    },
    realisasi_satuan: function (r, d, c, out) {
      realisations(r, d, c, function (item, at, u, p) {
        if (!p || !inRenstra(c, item.kode) || !present(item[r.key]) || p.jawab === null) return;
        var value = parseTarget(item[r.key], p.satuan);
        var target = parseTarget(p.jawab, p.satuan);
        if (value.dotted || !valueUnlikeTarget(value, target)) return;
        out.push([at.concat([r.key]), { kode: item.kode, teks: value.text, satuan: unitWords(value), target: target.text,
          nama_target: p.jawab_nama,
          satuan_target: unitWords(target), contoh: exampleOf(value, target) }]);
      });
    },
    belum_direalisasi: function (r, d, c, out) {
      var u = unitFacts(c, d.unit);
      if (!u) return;
      var given = {};
      lists(d, r.list).forEach(function (l) {
        l.items.forEach(function (item, i) {
          if (isObject(item) && text(item.kode) && !(item.kode in given)) given[item.kode] = { item: item, at: l.path.concat([i]) };
        });
      });
      u.rencana.forEach(function (p) {
        if (!inRenstra(c, p.kode) || p.tanpa_target) return;
        var g = given[p.kode];
        if (g && present(g.item[r.key]) && parseTarget(g.item[r.key], p.satuan).kind !== "tanpa target") return;
        out.push([g ? g.at.concat([r.key]) : [r.list], { kode: p.kode, uraian: p.uraian, target: p.target,
          triwulan: c.nama_triwulan, berkas: u.renaksi_berkas }]);
      });
    },
    kode_anggaran: function (r, d, c, out) {
      var u = unitFacts(c, d.unit);
      var items = Array.isArray(d[r.list]) ? d[r.list] : [];
      if (!u || !items.length) return;
      if (u.kode_form === null) {
        if (!u.form_rusak) out.push([[r.list], { tahun: c.tahun, unit: unitName(c, d.unit), berkas: u.form_berkas },
          r.message_less, null, null, "warning"]);
        return;
      }
      items.forEach(function (item, i) {
        if (!isObject(item) || !text(item[r.key]) || u.kode_form.indexOf(item[r.key]) >= 0) return;
        out.push([[r.list, i, r.key], { kode: item[r.key], tahun: c.tahun, unit: unitName(c, d.unit),
          berkas: u.form_berkas, contoh: choices(u.kode_form.slice(0, 3)) }]);
      });
    },
    bukti: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        l.items.forEach(function (name, i) {
          if (typeof name === "string" && c.berkas_ada.indexOf(name) < 0) {
            out.push([l.path.concat([i]), { nama: name, folder: c.folder }]);
          }
        });
      });
    },
    // who changed a report already approved: a person of agency.yaml
    pegawai: function (r, d, c, out) {
      lists(d, r.list).forEach(function (l) {
        l.items.forEach(function (item, i) {
          if (isObject(item) && text(item[r.key]) && c.pegawai.indexOf(item[r.key]) < 0) {
            out.push([l.path.concat([i, r.key]), { kode: item[r.key] }]);
          }
        });
      });
    },
    // the year's spending on a program so far (the earlier quarters' reports, then this one) within its
    // pagu: warned at this report's last amount for the program when this report crosses it
    pagu_tahun: function (r, d, c, out) {
      var u = unitFacts(c, d.unit);
      var items = Array.isArray(d[r.list]) ? d[r.list] : [];
      if (!u) return;
      u.program_pagu.forEach(function (p) {
        var total = p.sebelumnya, last = -1;
        items.forEach(function (item, i) {
          if (!isObject(item) || p.kode.indexOf(item.kode) < 0) return;
          last = i;
          if (typeof item[r.key] === "number") total += item[r.key];
        });
        if (last < 0 || p.sebelumnya > p.pagu || total <= p.pagu) return;
        out.push([[r.list, last, r.key], { program: p.program, triwulan: c.nama_triwulan, jumlah: rupiah(total),
          pagu: rupiah(p.pagu), lebih: rupiah(total - p.pagu) }]);
      });
    }
  };
  Object.keys(REPORT_ENGINE).forEach(function (k) { ENGINE[k] = REPORT_ENGINE[k]; });

  function unitTotal(d, r) {
    var sum = 0;
    (Array.isArray(d[r.list]) ? d[r.list] : []).forEach(function (p) { sum += budget(p, r.key); });
    return sum;
  }
  var PAGU = DATA.aturan.filter(function (r) { return r.kind === "pagu"; })[0];

  // `rkt validate` runs these rules only on a form that passed its schema; the page runs them
  // while the form is incomplete, but never on a value the schema refused (a date that is no
  // date is not "in the future", an amount past the schema's maximum is not added up)
  function ruleProblems(d, c, refused) {
    var out = [];
    DATA.aturan.forEach(function (r) {
      var found = [];
      if (ENGINE[r.kind]) ENGINE[r.kind](r, d, c, found);
      found.forEach(function (f) {
        var reads = f[3] || [f[0]];
        if (reads.some(function (p) { return refused.some(function (bad) { return startsWith(p, bad); }); })) return;
        out.push({ path: f[0], at: f[0], code: r.code, kind: r.kind, severity: f[5] || r.severity || "error",
          message: f[4] || template(f[2] || r.message, f[1]) });
      });
    });
    return out;
  }

  // "today" for the date rule: the build's date, or the visitor's (in the agency's time zone)
  // when the site was built earlier: a date typed today is never "in the future"
  function today(c) {
    var local = new Date(Date.now() + c.utc_offset_menit * 60000).toISOString().slice(0, 10);
    return local > c.hari_ini ? local : c.hari_ini;
  }

  // ---- state -------------------------------------------------------------------------------
  var cycle = null;      // the chosen cycle
  var unit = null;       // the chosen unit
  var state = null;      // the form data being edited
  var touched = {};      // field paths (JSON) the user has changed and left
  var showAll = false;   // after "Unduh form"/"Ajukan" or loading a file: every problem is shown
  var problems = [];     // the last check: its errors
  var warnings = [];     // and its warnings
  var folded = {};       // the sections the user folded (path as JSON): kept across redraws
  var lastBudget = null; // the budget field edited last (where a pagu excess is shown)
  var undoAction = null;

  // ---- drafts in the browser ---------------------------------------------------------------
  var storage = (function () {
    try {
      var s = window.localStorage;
      s.setItem(STORE_PREFIX + "uji", "1");
      s.removeItem(STORE_PREFIX + "uji");
      return s;
    } catch (e) { return null; }
  })();
  var dirtyUnsaved = false;

  function draftKey(key, kode) { return STORE_PREFIX + "draf:" + key + ":" + kode; }
  function readDraft(key, kode) {
    if (!storage) return null;
    try { return JSON.parse(storage.getItem(draftKey(key, kode)) || "null"); } catch (e) { return null; }
  }
  function saveDraft() {
    if (!cycle || !unit) return;
    if (!storage) { dirtyUnsaved = true; return; }
    try {
      if (same(state, unit.data)) storage.removeItem(draftKey(periodKey(cycle), unit.kode));
      else {
        var old = readDraft(periodKey(cycle), unit.kode);
        storage.setItem(draftKey(periodKey(cycle), unit.kode), JSON.stringify({
          versi: 1, data: state, disentuh: Object.keys(touched), disimpan: new Date().toISOString(),
          dasar: old && old.dasar ? old.dasar : JSON.stringify(unit.data)
        }));
      }
      storage.setItem(STORE_PREFIX + "terakhir", JSON.stringify(lastOpened(cycle, unit)));
    } catch (e) {
      dirtyUnsaved = true;
      note("Draf tidak dapat disimpan di peramban ini (penyimpanan penuh atau dinonaktifkan). Pilih Unduh draf agar isian tidak hilang.");
    }
  }
  function dropDraft() { if (storage) storage.removeItem(draftKey(periodKey(cycle), unit.kode)); }
  // what a reload reopens (the RKT form's drafts name the year only: they stay readable)
  function lastOpened(c, u) {
    var out = { tahun: c.tahun, unit: u.kode };
    if (c.kunci) out.kunci = c.kunci;
    return out;
  }

  window.addEventListener("beforeunload", function (ev) {
    if (dirtyUnsaved) { ev.preventDefault(); ev.returnValue = ""; }
  });

  function when(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return "";
    var months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
      "Oktober", "November", "Desember"];
    return d.getDate() + " " + months[d.getMonth()] + " " + d.getFullYear() + " pukul " +
      ("0" + d.getHours()).slice(-2) + "." + ("0" + d.getMinutes()).slice(-2);
  }

  // ---- announcements: one polite live region, debounced --------------------------------------
  var announceTimer = null;
  var lastAnnounced = "";
  function announce(text, now) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () {
      var live = document.getElementById("rkt-live");
      if (!live || text === lastAnnounced) return;
      lastAnnounced = text;
      live.textContent = text;
    }, now ? 50 : 900);
  }
  function note(text, withDiscard) {
    var box = document.getElementById("rkt-notice");
    box.textContent = "";
    box.hidden = !text;
    if (!text) return;
    box.appendChild(el("span", { text: text + " " }));
    if (withDiscard) {
      var b = el("button", { type: "button", id: "rkt-discard", "class": "md-button", text: "Buang draf dan mulai dari data situs" });
      b.addEventListener("click", discardDraft);
      box.appendChild(b);
    }
  }

  // ---- undo ------------------------------------------------------------------------------
  function offerUndo(text, action) {
    undoAction = action;
    var bar = document.getElementById("rkt-undo");
    bar.querySelector(".rkt-undo-text").textContent = text;
    bar.hidden = false;
    announce(text + " Pilih Urungkan untuk mengembalikannya.", true);
    document.getElementById("rkt-undo-button").focus();
  }
  function clearUndo() {
    undoAction = null;
    var bar = document.getElementById("rkt-undo");
    if (bar) bar.hidden = true;
  }

  // ---- the form ----------------------------------------------------------------------------
  function schemaAt(path) {
    var s = DATA.schema;
    path.forEach(function (p) {
      if (!s) return;
      s = typeof p === "number" ? s.items : (s.properties || {})[p];
    });
    return s;
  }
  function patternOf(path) { return path.map(function (p) { return typeof p === "number" ? "*" : p; }).join("."); }

  // a list of short texts (the report's evidence files): one per line in a text box
  function isTextList(schema) {
    return types(schema).indexOf("array") >= 0 && !!schema.items && types(schema.items).indexOf("string") >= 0;
  }
  function typed(raw, schema) {
    if (schema && isTextList(schema)) {
      var lines = raw.split("\n").map(function (x) { return x.trim(); }).filter(Boolean);
      return lines.length ? lines : undefined;
    }
    var t = raw.trim();
    if (t === "") return undefined;
    if (types(schema).indexOf("integer") >= 0 && PLAIN_INT.test(t) && t.replace(/^-/, "").length <= 16) return Number(t);
    if (isAmount(schema)) {
      var amount = readAmount(t);  // "60.000.000", "Rp 60.000.000", "60 juta": the whole rupiah they say
      if (amount.value !== undefined) return amount.value;
    }
    if (schema && schema.format === "date") return readDate(t) || t;  // "27/11/2026", "27 November 2026"
    return t;
  }
  function isAmount(schema) { return types(schema).indexOf("integer") >= 0 && !!AMOUNT && schema.minimum === 0; }
  function isIsoDate(v) { return typeof v === "string" && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v) && readDate(v) === v; }

  function suggestions(path, item) {
    // Renstra codes for the fields the rules refer to the Renstra, and the satuan used before
    var pattern = patternOf(path.slice(0, -2));
    var key = path[path.length - 1];
    var out = null;
    var own = references(patternOf(path));  // the unit's own choices (the report's indicators and programs)
    if (own) return own;
    DATA.aturan.forEach(function (r) {
      if (r.kind !== "rujukan" || r.list !== pattern || r.key !== key) return;
      if (r.table === "sasaran") {
        out = DATA.renstra.map(function (s) { return { value: s.kode, label: s.kode + " " + s.uraian }; });
      } else {
        var owner = get(state, path.slice(0, -3));
        var s = DATA.renstra.filter(function (x) { return isObject(owner) && x.kode === owner[r.parent_key]; })[0];
        out = (s ? s.indikator : []).map(function (i) { return { value: i.kode, label: i.kode + " " + i.uraian + (i.satuan ? " (" + i.satuan + ")" : "") }; });
      }
    });
    if (!out && key === "satuan" && DATA.satuan.length) out = DATA.satuan.map(function (x) { return { value: x }; });
    return out;
  }

  function fieldFor(schema, path, value, required, unknown) {
    var id = pathId(path);
    var help = schema && schema.description ? el("p", { id: id + "-help", "class": "rkt-help", text: schema.description }) : null;
    var error = el("p", { id: id + "-err", "class": "rkt-field-error" });
    var warning = el("p", { id: id + "-warn", "class": "rkt-field-warning" });
    var input;
    var list = suggestions(path);
    var isDate = schema && schema.format === "date";
    var textList = !!schema && isTextList(schema) && Array.isArray(value) && value.every(function (x) { return typeof x === "string"; });
    var shown = value === undefined || value === null ? "" : textList ? value.join("\n") : typeof value === "object" ? JSON.stringify(value)
      : isDate && isIsoDate(value) ? shownDate(value) : String(value);
    var ref = path.length > 1 && itemReference(path.slice(0, -1)) !== null ? pathId(path.slice(0, -1)) + "-ref " : "";
    var attrs = { id: id, "aria-describedby": ref + (help ? id + "-help " : "") + id + "-err " + id + "-warn", autocomplete: "off" };
    if (schema && (schema.maxLength > 200 || isTextList(schema))) {
      attrs.rows = "2";
      input = el("textarea", attrs);
    } else {
      attrs.type = "text";
      attrs.list = list ? id + "-list" : null;
      attrs.inputmode = types(schema).length === 1 && types(schema)[0] === "integer" && !isAmount(schema) ? "numeric" : null;
      attrs.placeholder = isDate ? "misalnya 27/11/2026" : isAmount(schema) ? "misalnya 60.000.000 atau 60 juta" : null;
      input = el("input", attrs);
    }
    input.value = shown;
    if (required) input.setAttribute("aria-required", "true");
    input.dataset.path = JSON.stringify(path);
    input.addEventListener("input", onInput);
    input.addEventListener("change", onChange);
    var name = unknown ? "'" + path[path.length - 1] + "' (isian tidak dikenal)" : (schema.title || path[path.length - 1]);
    var children = [el("label", { "for": id, text: name + (required ? " (wajib)" : "") }), input];
    if (list) {
      children.push(el("datalist", { id: id + "-list" }, list.map(function (o) {
        return el("option", { value: o.value, label: o.label || null });
      })));
    }
    if (PAGU ? types(schema).indexOf("integer") >= 0 && path[path.length - 1] === PAGU.key : isAmount(schema)) {
      children.push(el("p", { id: id + "-rp", "class": "rkt-help rkt-rupiah", "aria-hidden": "true" }));
    }
    if (isDate) children.push(datePicker(id, input, value));
    if (help) children.push(help);
    children.push(error);
    children.push(warning);
    return el("div", { "class": "rkt-field" }, children);
  }

  // the browser's calendar beside a date typed by hand: picking a day writes it into the text box
  function datePicker(id, input, value) {
    var pick = el("input", { type: "date", id: id + "-kalender", "class": "rkt-date-picker" });
    pick.value = isIsoDate(value) ? value : "";
    pick.addEventListener("change", function () {
      if (!pick.value) return;
      input.value = shownDate(pick.value);
      input.dispatchEvent(new Event("input"));
      input.dispatchEvent(new Event("change"));
    });
    return el("div", { "class": "rkt-date-pick" }, [
      el("label", { "for": id + "-kalender", "class": "rkt-help", text: "atau pilih di kalender:" }), pick,
      el("p", { id: id + "-tgl", "class": "rkt-help rkt-tanggal", "aria-hidden": "true" })]);
  }

  function button(label, action, extra, cls) {
    var b = el("button", { type: "button", "class": "md-button " + (cls || "rkt-small"), text: label, "aria-label": extra || null });
    b.addEventListener("click", action);
    return b;
  }

  // the unit's own choices for a field ("realisasi.*.kode": the indicators of its Rencana Aksi), each
  // with what the page shows read-only beside the item once it is chosen
  function references(pattern) { return unit && unit.rujukan && unit.rujukan[pattern] || null; }
  function itemReference(itemPath) {
    var pattern = patternOf(itemPath);
    var item = get(state, itemPath);
    var out = null;
    Object.keys((unit && unit.rujukan) || {}).forEach(function (p) {
      if (p.slice(0, p.lastIndexOf(".")) !== pattern) return;
      var key = p.slice(p.lastIndexOf(".") + 1);
      var found = isObject(item) ? unit.rujukan[p].filter(function (o) { return o.value === item[key]; })[0] : null;
      out = found ? found.info : "";
    });
    return out;
  }
  function refreshReferences() {
    [].forEach.call(document.querySelectorAll("#rkt-form-fields .rkt-ref"), function (node) {
      node.textContent = itemReference(JSON.parse(node.dataset.path)) || "";
    });
  }

  function itemName(schema, i) { return ((schema && schema.items && schema.items.title) || "Butir") + " " + (i + 1); }

  function newItem(itemSchema, listPath) {
    // the required text fields start empty (their message names them); a code starts with its parent's code
    var item = {};
    var pattern = patternOf(listPath);
    DATA.aturan.forEach(function (r) {
      if (r.kind !== "awalan" || r.list !== pattern) return;
      var owner = get(state, listPath.slice(0, -1));
      if (isObject(owner) && text(owner[r.parent_key])) item[r.key] = owner[r.parent_key] + ".";
    });
    Object.keys((itemSchema && itemSchema.properties) || {}).forEach(function (k) {
      var s = itemSchema.properties[k];
      if ((itemSchema.required || []).indexOf(k) >= 0 && s.type === "array" && s.minItems >= 1 && s.items.type === "object") {
        item[k] = [newItem(s.items, listPath.concat([0, k]))];
      }
    });
    return item;
  }

  function listEditor(schema, path, items, depth) {
    var box = el("div", { "class": "rkt-list", id: pathId(path) + "-box" });
    var list = Array.isArray(items) ? items : [];
    list.forEach(function (item, i) {
      var itemPath = path.concat([i]);
      var name = itemName(schema, i);
      var fs = el("fieldset", { "class": "rkt-item rkt-depth-" + depth, id: "i-" + pathId(itemPath).slice(2) },
        [el("legend", { text: name })]);
      if (itemReference(itemPath) !== null) {
        fs.appendChild(el("p", { "class": "rkt-help rkt-ref", id: pathId(itemPath) + "-ref", "data-path": JSON.stringify(itemPath) }));
      }
      fs.appendChild(el("p", { "class": "rkt-field-error", id: pathId(itemPath) + "-err" }));
      fs.appendChild(el("p", { "class": "rkt-field-warning", id: pathId(itemPath) + "-warn" }));
      if (isObject(item)) renderObject(fs, schema.items, itemPath, item, depth + 1);
      var total = totalLine(schema.items, itemPath);
      if (total) fs.appendChild(total);
      fs.appendChild(el("div", { "class": "rkt-item-tools" }, [
        i > 0 ? button("Naik", function () { move(itemPath, -1); }, "Naik: pindahkan " + name + " ke atas") : null,
        i < list.length - 1 ? button("Turun", function () { move(itemPath, 1); }, "Turun: pindahkan " + name + " ke bawah") : null,
        button("Hapus", function () { remove(itemPath, name); }, "Hapus " + name)
      ]));
      if (depth === 0) {
        var wrap = fold(itemPath, name);  // each sasaran and program folds on its own
        wrap.appendChild(fs);
        box.appendChild(wrap);
      } else {
        box.appendChild(fs);
      }
    });
    var what = ((schema.items && schema.items.title) || "butir").toLowerCase();
    box.appendChild(button("Tambah " + what, function () { add(path, schema.items); }, null, "rkt-add"));
    box.appendChild(el("p", { id: pathId(path) + "-err", "class": "rkt-field-error", tabindex: "-1" }));
    box.appendChild(el("p", { id: pathId(path) + "-warn", "class": "rkt-field-warning", tabindex: "-1" }));
    return box;
  }

  function totalLine(itemSchema, path) {
    // a node that can carry (or add up) an amount shows its budget
    if (!PAGU || path[0] !== PAGU.list || path.length !== 2) return null;
    return el("p", { "class": "rkt-total", id: "t-" + pathId(path).slice(2) });
  }

  function renderObject(box, schema, path, obj, depth) {
    var props = (schema && schema.properties) || {};
    var required = (schema && schema.required) || [];
    Object.keys(props).forEach(function (key) {
      var s = props[key];
      var p = path.concat([key]);
      if (!path.length && PAGE.dipilih.indexOf(key) >= 0) return;  // chosen above the form
      if (types(s).indexOf("array") >= 0 && s.items && types(s.items).indexOf("object") >= 0) {
        var into = box;
        if (!path.length) {
          into = fold(p, s.title || key);  // a section of the form, foldable once done
          into.appendChild(el("h3", { text: s.title || key }));
          box.appendChild(into);
        } else {
          box.appendChild(el("p", { "class": "rkt-list-title", text: s.title || key }));
        }
        if (s.description) into.appendChild(el("p", { "class": "rkt-help", text: s.description }));
        into.appendChild(listEditor(s, p, obj[key], depth));
        return;
      }
      box.appendChild(fieldFor(s, p, obj[key], required.indexOf(key) >= 0, false));
    });
    Object.keys(obj).forEach(function (key) {
      if (!props[key] && !(path.length === 0 && key === DATA.kunci_draf)) box.appendChild(fieldFor({}, path.concat([key]), obj[key], false, true));
    });
  }

  function render() {
    var formBox = document.getElementById("rkt-form-fields");
    formBox.textContent = "";
    var top = el("fieldset", { "class": "rkt-item" }, [el("legend", { text: "Identitas " + THING })]);
    top.appendChild(el("p", { text: (cycle.identitas || "Tahun " + state.tahun) + " · " + unit.nama + " (kode " + unit.kode + ")" }));
    var topOnly = { properties: {}, required: DATA.schema.required };
    var lists_ = { properties: {}, required: DATA.schema.required };
    Object.keys(DATA.schema.properties).forEach(function (k) {
      var s = DATA.schema.properties[k];
      (types(s).indexOf("array") >= 0 ? lists_ : topOnly).properties[k] = s;
    });
    renderObject(top, topOnly, [], pick(state, topOnly), 0);
    var identity = fold(["identitas"], "Identitas " + THING);
    identity.appendChild(top);
    formBox.appendChild(identity);
    renderObject(formBox, lists_, [], pick(state, lists_), 0);
    Object.keys(state).forEach(function (k) {
      if (!DATA.schema.properties[k] && k !== DATA.kunci_draf) formBox.appendChild(fieldFor({}, [k], state[k], false, true));
    });
    check();
  }
  // ---- folding: the form is long on a phone; a section folds to a one-line summary -------------
  function fold(path, title) {
    var key = JSON.stringify(path);
    var box = el("details", { "class": "rkt-fold", "data-fold": key, "data-title": title });
    box.open = !folded[key];
    box.appendChild(el("summary", { "class": "rkt-fold-summary", text: title }));
    box.addEventListener("toggle", function () { if (box.open) delete folded[key]; else folded[key] = true; });
    return box;
  }
  function inFold(pr, path) {
    if (path[0] !== "identitas") return startsWith(pr.path, path);
    var s = DATA.schema.properties[pr.path[0]];
    return pr.path.length > 0 && !(s && types(s).indexOf("array") >= 0);
  }
  // each fold's summary line: its title, whether it is done, and (a program) its budget
  function folds(shown) {
    var d = state;
    [].forEach.call(document.querySelectorAll("#rkt-form-fields details.rkt-fold"), function (box) {
      var path = JSON.parse(box.dataset.fold);
      var errs = shown.filter(function (pr) { return pr.severity !== "warning" && inFold(pr, path); }).length;
      var open = problems.filter(function (pr) { return inFold(pr, path); }).length;
      var warns = warnings.filter(function (pr) { return inFold(pr, path); }).length;
      var line = box.dataset.title + ": " + (errs ? errs + " isian perlu diperbaiki" : open ? "belum lengkap" : "lengkap") +
        (warns ? ", " + warns + " peringatan" : "");
      if (PAGU && path.length === 2 && path[0] === PAGU.list && isObject(get(d, path))) {
        line += " \u00b7 anggaran " + totalText(get(d, path), PAGU.key);
      }
      box.dataset.selesai = !open && !warns ? "1" : "";
      box.querySelector("summary").textContent = line;
    });
  }
  function foldFinished() {
    var n = 0;
    [].forEach.call(document.querySelectorAll("#rkt-form-fields details.rkt-fold"), function (box) {
      if (box.dataset.selesai !== "1" || !box.open) return;
      box.open = false;
      folded[box.dataset.fold] = true;
      n++;
    });
    announce(n ? n + " bagian yang sudah lengkap dilipat." : "Belum ada bagian yang lengkap untuk dilipat.", true);
  }

  function pick(obj, schema) {
    var out = {};
    Object.keys(schema.properties).forEach(function (k) { if (k in obj) out[k] = obj[k]; });
    return out;
  }

  function focusFirst(path) {
    var box = document.getElementById("i-" + pathId(path).slice(2));
    var input = box && box.querySelector("input, textarea");
    if (input) input.focus();
  }

  function add(path, itemSchema) {
    var parent = get(state, path.slice(0, -1));
    if (!Array.isArray(parent[path[path.length - 1]])) parent[path[path.length - 1]] = [];
    var list = parent[path[path.length - 1]];
    list.push(newItem(itemSchema, path));
    clearUndo();
    saveDraft();
    render();
    focusFirst(path.concat([list.length - 1]));
  }
  function move(path, delta) {
    var list = get(state, path.slice(0, -1));
    var i = path[path.length - 1];
    var item = list.splice(i, 1)[0];
    list.splice(i + delta, 0, item);
    clearUndo();
    saveDraft();
    render();
    var moved = path.slice(0, -1).concat([i + delta]);
    var box = document.getElementById("i-" + pathId(moved).slice(2));
    var again = box && [].filter.call(box.querySelectorAll(":scope > .rkt-item-tools button"), function (b) {
      return b.textContent === (delta < 0 ? "Naik" : "Turun");
    })[0];
    if (again) again.focus(); else focusFirst(moved);
  }
  function remove(path, name) {
    var list = get(state, path.slice(0, -1));
    var i = path[path.length - 1];
    var item = list.splice(i, 1)[0];
    touched[JSON.stringify(path.slice(0, -1))] = true;
    saveDraft();
    render();
    offerUndo(name + " dihapus.", function () {
      var again = get(state, path.slice(0, -1));
      if (!Array.isArray(again)) return;
      again.splice(Math.min(i, again.length), 0, item);
      saveDraft();
      render();
      focusFirst(path.slice(0, -1).concat([Math.min(i, again.length - 1)]));
    });
  }

  function onInput(ev) {
    var path = JSON.parse(ev.target.dataset.path);
    var parent = get(state, path.slice(0, -1));
    if (!isObject(parent)) return;
    var key = path[path.length - 1];
    var value = typed(ev.target.value, schemaAt(path));
    if (value === undefined) delete parent[key]; else parent[key] = value;
    if (PAGU && key === PAGU.key) lastBudget = path;
    refreshSuggestions(path);
    saveDraft();
    check();
  }
  function onChange(ev) {
    touched[ev.target.dataset.path] = true;
    saveDraft();  // which fields were touched is part of the draft: a reload shows the same problems
    check();
  }

  function refreshSuggestions(path) {
    // the indicator suggestions follow the chosen sasaran, without redrawing the form
    DATA.aturan.forEach(function (r) {
      if (r.kind !== "rujukan" || !r.parent_key || patternOf(path) !== r.list.split(".").slice(0, -2).join(".") + ".*." + r.parent_key) return;
      var owner = get(state, path.slice(0, -1));
      var sub = r.list.split(".").slice(-1)[0];
      (Array.isArray(owner[sub]) ? owner[sub] : []).forEach(function (_, j) {
        var p = path.slice(0, -1).concat([sub, j, r.key]);
        var node = document.getElementById(pathId(p) + "-list");
        if (!node) return;
        node.textContent = "";
        (suggestions(p) || []).forEach(function (o) { node.appendChild(el("option", { value: o.value, label: o.label })); });
      });
    });
  }

  // ---- showing the verdict -----------------------------------------------------------------
  // a problem shows once the user has changed and left its field (or a field below the
  // list or form it is about); a duplicate also where the user typed the code that clashes
  function visible(pr) {
    if (showAll) return true;
    return Object.keys(touched).some(function (t) {
      var tp = JSON.parse(t);
      return startsWith(tp, pr.path) || (pr.kind === "unik" && get(state, tp) === get(state, pr.path));
    });
  }

  function placeOf(pr) {
    // where a problem is shown: its field, or the nearest element on its path; a pagu excess
    // at the budget field that was changed last (or the last one that holds an amount)
    if (pr.kind === "pagu") {
      var fields = [].slice.call(document.querySelectorAll("#rkt-form-fields input[data-path]")).filter(function (i) {
        var p = JSON.parse(i.dataset.path);
        return p[p.length - 1] === PAGU.key && typeof get(state, p) === "number" && get(state, p) > 0;
      });
      var last = lastBudget && document.getElementById(pathId(lastBudget));
      var field = last && typeof get(state, lastBudget) === "number" ? last : fields[fields.length - 1];
      if (field) return JSON.parse(field.dataset.path);
    }
    for (var n = pr.path.length; n >= 0; n--) {
      if (document.getElementById(pathId(pr.path.slice(0, n)) + "-err")) return pr.path.slice(0, n);
    }
    return null;
  }

  function check() {
    var d = clone(state);
    delete d[DATA.kunci_draf];
    var schemaFound = schemaProblems(d);
    var found = schemaFound.concat(ruleProblems(d, cycle, schemaFound.map(function (pr) { return pr.path; })));
    found.forEach(function (pr) { pr.place = placeOf(pr); });
    var order = {};
    [].forEach.call(document.querySelectorAll("#rkt-form-fields [id$='-err']"), function (node, i) { order[node.id] = i; });
    found.sort(function (a, b) {
      return (order[pathId(a.place || []) + "-err"] || 0) - (order[pathId(b.place || []) + "-err"] || 0);
    });
    // errors block the download; warnings are shown apart and do not (as in `rkt validate`)
    problems = found.filter(function (pr) { return pr.severity !== "warning"; });
    warnings = found.filter(function (pr) { return pr.severity === "warning"; });
    [].forEach.call(document.querySelectorAll("#rkt-form-fields .rkt-field-error, #rkt-form-fields .rkt-field-warning"),
      function (p) { p.textContent = ""; });
    [].forEach.call(document.querySelectorAll("#rkt-form-fields [aria-invalid]"), function (i) { i.removeAttribute("aria-invalid"); });
    var shown = problems.filter(visible);
    var shownWarnings = warnings.filter(visible);
    shown.concat(shownWarnings).forEach(function (pr) {
      var warn = pr.severity === "warning";
      var target = pr.place ? document.getElementById(pathId(pr.place) + (warn ? "-warn" : "-err")) : null;
      if (target) target.textContent = (target.textContent ? target.textContent + " " : warn ? "Peringatan: " : "") + pr.message + ".";
      var input = pr.place && !warn ? document.getElementById(pathId(pr.place)) : null;
      if (input) input.setAttribute("aria-invalid", "true");
    });
    summary(shown, "rkt-error-summary", "Ada " + shown.length + " isian yang perlu diperbaiki");
    summary(shownWarnings, "rkt-warning-summary", "Ada " + shownWarnings.length + " peringatan (tidak menghalangi " +
      "unduhan; periksa sebelum mengajukan)");
    totals(d);
    refreshReferences();
    result(d);
    folds(shown.concat(shownWarnings));
    var status = document.getElementById("rkt-form-status");
    var more = shownWarnings.length ? " Ada " + shownWarnings.length + " peringatan." : "";
    if (shown.length) {
      status.textContent = shown.length + " isian perlu diperbaiki." + more;
      status.className = "rkt-status rkt-status-bad";
    } else if (problems.length) {
      status.textContent = "Lengkapi isian yang wajib (bertanda \u201cwajib\u201d), lalu pilih Unduh " + THING + "." + more;
      status.className = "rkt-status";
    } else {
      status.textContent = "Semua isian sudah benar." + more;
      status.className = "rkt-status rkt-status-ok";
    }
    // the same count at the top of the form, linking to the list of what to fix
    var top = document.getElementById("rkt-status-top");
    top.textContent = "";
    top.className = status.className;
    top.appendChild(el("span", { text: status.textContent + " " }));
    if (shown.length || shownWarnings.length) {
      top.appendChild(el("a", { href: shown.length ? "#rkt-error-summary" : "#rkt-warning-summary", text: "Lihat daftarnya" }));
    }
    announce(status.textContent);
  }

  function summary(shown, boxId, title) {
    var box = document.getElementById(boxId);
    var list = box.querySelector("ul");
    list.textContent = "";
    box.hidden = !shown.length;
    box.querySelector("h3").textContent = title;
    shown.forEach(function (pr) {
      var id = pr.place ? pathId(pr.place) : null;
      var target = id && (document.getElementById(id) ? id : id + "-err");
      var link = el("a", { href: target ? "#" + target : "#rkt-form-fields", "data-code": pr.code,
        "data-at": JSON.stringify(pr.at), text: pr.message });
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        var node = document.getElementById(target);
        if (!node) return;
        var fold = node.closest && node.closest("details");
        while (fold) { fold.open = true; fold = fold.parentElement && fold.parentElement.closest("details"); }
        node.scrollIntoView({ block: "center" });
        node.focus({ preventScroll: true });
      });
      list.appendChild(el("li", {}, [link]));
    });
  }

  function loadProblemsSummary(name, found) {
    var box = document.getElementById("rkt-load-errors");
    box.textContent = "";
    box.hidden = !found.length;
    if (!found.length) return;
    box.appendChild(el("h3", { text: "Berkas " + name + " tidak dapat dimuat" }));
    box.appendChild(el("ul", {}, found.map(function (pr) {
      return el("li", { "data-code": pr.code, text: pr.message });
    })));
    box.appendChild(el("p", { text: "Isian di halaman ini tidak diubah. Perbaiki berkasnya, atau isi form di halaman ini." }));
    box.focus();
    announce("Berkas " + name + " tidak dapat dimuat.", true);
  }

  // a total as shown: the amount when every part is known; else "belum ada anggaran", with what
  // is filled in so far clearly labelled as such (never a partial sum shown as the total)
  // an amount typed that could not be read ("60,000,000"): no total over it is known, not even a partial one
  function unreadable(node, key) {
    return keyPaths(node, key, [], []).some(function (p) { var v = get(node, p); return present(v) && typeof v !== "number"; });
  }
  var UNREADABLE = "belum dapat dihitung: ada anggaran yang belum terbaca";

  function totalText(node, key) {
    if (unreadable(node, key)) return UNREADABLE;
    if (complete(node, key)) return rupiah(budget(node, key));
    return hasBudget(node, key) ? "belum ada anggaran (sebagian; yang sudah diisi " + rupiah(budget(node, key)) + ")"
      : "belum ada anggaran";
  }

  function totals(d) {
    [].forEach.call(document.querySelectorAll("#rkt-form-fields .rkt-rupiah"), function (node) {
      var v = get(d, JSON.parse(document.getElementById(node.id.slice(0, -3)).dataset.path));
      node.textContent = typeof v === "number" ? "= " + rupiah(v) : "";
    });
    [].forEach.call(document.querySelectorAll("#rkt-form-fields .rkt-tanggal"), function (node) {
      var v = get(d, JSON.parse(document.getElementById(node.id.slice(0, -4)).dataset.path));
      node.textContent = isIsoDate(v) ? "= " + shownDate(v) : "";
      var pick = document.getElementById(node.id.slice(0, -4) + "-kalender");
      if (pick && pick.value !== (isIsoDate(v) ? v : "")) pick.value = isIsoDate(v) ? v : "";
    });
    if (!PAGU) return;  // a page without a pagu rule (the report) adds up nothing
    (Array.isArray(d[PAGU.list]) ? d[PAGU.list] : []).forEach(function (p, i) {
      var node = document.getElementById("t-" + pathId([PAGU.list, i]).slice(2));
      if (node) node.textContent = "Jumlah anggaran " + (schemaAt([PAGU.list, 0]).title || "").toLowerCase() + ": " + totalText(p, PAGU.key);
    });
    var total = unitTotal(d, PAGU);
    var pagu = cycle.pagu[d.unit];
    var unitNode = {};
    unitNode[PAGU.list] = Array.isArray(d[PAGU.list]) ? d[PAGU.list] : [];
    var known = complete(unitNode, PAGU.key);
    var line = "Jumlah anggaran unit: " + totalText(unitNode, PAGU.key);
    if (typeof pagu === "number" && unreadable(unitNode, PAGU.key)) {
      // never a remainder over an amount not read; what is read already past the pagu is past it still
      line += total > pagu ? " (yang sudah terbaca, " + rupiah(total) + ", sudah melebihi pagu " + rupiah(pagu) +
        " sebesar " + rupiah(total - pagu) + ")" : " (pagu " + rupiah(pagu) + ")";
    } else if (typeof pagu === "number") {
      // what is filled in already past the pagu is past it whatever the rest; a remainder needs the whole
      line += total > pagu ? " dari pagu " + rupiah(pagu) + ": melebihi pagu " + rupiah(total - pagu)
        : " dari pagu " + rupiah(pagu) + (known ? " (sisa " + rupiah(pagu - total) + ")" : "");
    }
    var node = document.getElementById("rkt-total");
    node.textContent = line;
    node.className = "rkt-total" + (typeof pagu === "number" && total > pagu ? " rkt-over" : "");
  }

  function result(d) {
    var yaml = document.getElementById("rkt-yaml");
    var ok = !problems.length;
    yaml.textContent = ok ? formYaml(d, unit.header) : "";
    document.getElementById("rkt-yaml-empty").hidden = ok;
    prepareSubmit(ok ? yaml.textContent : null);
  }

  // where the file goes in the repository: the unit's own path (the report's), else the RKT form's
  function fileName() { return unit.berkas || "cycles/" + cycle.tahun + "/forms/" + unit.kode + ".yaml"; }
  function folderName() { return fileName().replace(/\/[^/]*$/, ""); }

  function prepareSubmit(text) {
    var gh = document.getElementById("rkt-submit");
    var noteNode = document.getElementById("rkt-submit-note");
    gh.hidden = true;
    if (!DATA.repo_url) {
      noteNode.textContent = "Pilih Unduh " + THING + ", lalu serahkan berkasnya (" + unit.kode + ".yaml) kepada Tim Perencanaan.";
      return;
    }
    if (unit.ada) {
      noteNode.textContent = Thing + " unit ini sudah ada di GitHub. Pilih Unduh " + THING + ", lalu di GitHub buka " + fileName() +
        ", pilih ikon pensil (Edit), ganti seluruh isinya dengan isi berkas ini, dan ajukan perubahan. " +
        "Lihat Panduan: " + PAGE.panduan + ".";
      return;
    }
    gh.hidden = false;
    if (text === null) {
      gh.setAttribute("href", "#rkt-error-summary");
      gh.removeAttribute("target");
      noteNode.textContent = Thing + " dapat diajukan setelah semua isian benar.";
      return;
    }
    var url = DATA.repo_url.replace(/\/+$/, "") + "/new/" + encodeURIComponent(DATA.branch) + "/" + folderName() +
      "?filename=" + encodeURIComponent(unit.kode + ".yaml") + "&value=" + encodeURIComponent(text);
    if (url.length > 7500) {
      gh.hidden = true;
      noteNode.textContent = "Isi " + THING + " terlalu panjang untuk dikirim lewat tautan. Pilih Unduh " + THING + ", lalu di GitHub pilih " +
        "Add file → Upload files di folder " + folderName() + "/.";
      return;
    }
    gh.setAttribute("href", url);
    gh.setAttribute("target", "_blank");
    noteNode.textContent = "GitHub akan membuka " + THING + " baru yang sudah terisi: tekan tombol hijau di kanan atas, lalu tombol hijau " +
      "berikutnya sampai " + THING + " diajukan untuk ditinjau (lihat Panduan: " + PAGE.panduan + ").";
  }

  function revealAll(reason) {
    showAll = true;
    check();
    var box = document.getElementById("rkt-error-summary");
    if (!box.hidden) {
      document.getElementById("rkt-form-status").textContent = reason + " " + problems.length +
        " isian perlu diperbaiki. Pilih Unduh draf untuk menyimpan isian dan melanjutkannya nanti.";
      // at the top, clear of the theme's header and its "back to top" button (the style's scroll margin)
      box.scrollIntoView({ block: "start" });
      box.focus({ preventScroll: true });
    }
  }

  function download(text, name) {
    var blob = new Blob([text], { type: "text/yaml;charset=utf-8" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function draftNote() {
    return "# DRAF: " + THING + " ini belum selesai dan belum dapat diajukan (diunduh " + when(new Date().toISOString()) + ").\n" +
      "# Lanjutkan di situs, halaman " + PAGE.halaman + ": pilih \"Muat draf dari berkas\", lengkapi, lalu \"Unduh " + THING + "\".\n" +
      DATA.kunci_draf + ": true\n";
  }

  // ---- opening a unit's form -------------------------------------------------------------
  function findCycle(key) { return DATA.cycles.filter(function (c) { return periodKey(c) === String(key); })[0]; }
  // the period a loaded file is for: the one whose chosen fields (tahun; tahun and triwulan) it names
  function periodOf(data) {
    return DATA.cycles.filter(function (c) {
      return Object.keys(c.pilih || { tahun: 0 }).every(function (k) { return data[k] === c[k]; });
    })[0];
  }
  function findUnit(c, kode) {
    var u = c.units.filter(function (x) { return x.kode === kode; })[0];
    if (u) return u;
    // a loaded file may name a unit the cycle does not list: it opens, and the rules say why it cannot be handed in
    if (c.kosong) {
      return { kode: kode, nama: kode, ada: false, berkas: c.kosong.berkas.replace("{unit}", kode),
        data: Object.assign(clone(c.kosong.data), { unit: kode }), header: c.kosong.header.replace("{unit}", kode) };
    }
    return { kode: kode, nama: kode, ada: false, data: { tahun: c.tahun, unit: kode, kinerja: [], program: [] },
      header: "# yaml-language-server: $schema=../../../schemas/form.schema.json\n# Form RKT Tahun " + c.tahun + " " + kode + ".\n\n" };
  }

  function openUnit(c, u, loaded) {
    var previous = cycle && unit && state ? { cycle: cycle, unit: unit, state: clone(state), touched: touched, showAll: showAll } : null;
    cycle = c;
    unit = u;
    touched = {};
    folded = {};
    showAll = false;
    lastBudget = null;
    clearUndo();
    note("");
    var saved = readDraft(periodKey(c), u.kode);
    if (loaded) {
      state = loaded.data;
      showAll = true;
      var replaced = saved && !same(saved.data, state) ? saved : null;
      saveDraft();
      note("Berkas " + loaded.name + " dimuat" + (loaded.draft ? " (draf)" : "") + "; semua isian sudah diperiksa.");
      if (replaced) {
        offerUndo("Isian " + u.nama + " yang tersimpan sebelumnya diganti oleh berkas ini.", function () {
          state = replaced.data;
          saveDraft();
          note("Isian sebelumnya dikembalikan.");
          render();
        });
      }
    } else if (saved && !same(saved.data, u.data)) {
      state = saved.data;
      (saved.disentuh || []).forEach(function (t) { touched[t] = true; });
      var changed = saved.dasar && saved.dasar !== JSON.stringify(u.data) ?
        " Data form unit ini di situs telah berubah sejak draf dimulai; periksa kembali sebelum mengajukan." : "";
      note("Isian yang belum selesai dipulihkan dari peramban ini (disimpan " + when(saved.disimpan) + ")." + changed, true);
    } else {
      if (saved) dropDraft();
      state = clone(u.data);
    }
    if (storage) {
      try { storage.setItem(STORE_PREFIX + "terakhir", JSON.stringify(lastOpened(c, u))); } catch (e) { /* full */ }
    }
    document.getElementById("rkt-editor").hidden = false;
    document.getElementById("rkt-editor-title").textContent = PAGE.judul + " " + (c.judul || c.tahun) + ": " + u.nama;
    document.getElementById("rkt-load-errors").hidden = true;
    render();
    if (!loaded && !previous) return;
    document.getElementById("rkt-editor-title").focus();
  }

  function discardDraft() {
    var kept = { state: clone(state), touched: touched };
    dropDraft();
    state = clone(unit.data);
    touched = {};
    showAll = false;
    note("");
    render();
    offerUndo("Draf dibuang; form kembali ke data situs.", function () {
      state = kept.state;
      touched = kept.touched;
      saveDraft();
      render();
    });
  }

  function loadFile(file, pickCycle, pickUnit) {
    var reader = new FileReader();
    reader.onload = function () {
      var got = readYaml(new Uint8Array(reader.result));
      var done = function () { mount.dataset.dimuat = String(Number(mount.dataset.dimuat || 0) + 1); };
      if (got.problems.length) { document.getElementById("rkt-editor").hidden = !state; loadProblemsSummary(file.name, got.problems); done(); return; }
      var data = got.data;
      if (!isObject(data)) {
        loadProblemsSummary(file.name, [{ code: "RKT103", message: PAGE.bukan_berkas }]);
        done();
        return;
      }
      var draft = DATA.kunci_draf in data;
      delete data[DATA.kunci_draf];
      // a file that names its period (its year; its year and quarter) opens there, or is refused
      var named = Object.keys(DATA.cycles[0].pilih || { tahun: 0 }).every(function (k) { return typeof data[k] === "number"; });
      var c = named ? periodOf(data) : null;
      if (named && !c) {
        loadProblemsSummary(file.name, [{ code: "RKT213", message: PAGE.tanpa_periode ?
          PAGE.tanpa_periode.replace(/\{([a-z_]+)\}/g, function (_, k) { return String(data[k]); }) :
          "berkas ini untuk tahun " + data.tahun + "; di situs ini tidak ada siklus RKT " + data.tahun + " yang sedang berjalan" }]);
        done();
        return;
      }
      c = c || findCycle(pickCycle.value);
      var kode = text(data.unit) ? data.unit : pickUnit.value;
      pickCycle.value = periodKey(c);
      pickCycle.dispatchEvent(new Event("change"));
      if ([].some.call(pickUnit.options, function (o) { return o.value === kode; })) pickUnit.value = kode;
      openUnit(c, findUnit(c, kode), { data: data, name: file.name, draft: draft });
      done();
    };
    reader.onerror = function () {
      loadProblemsSummary(file.name, [{ code: "RKT001", message: "berkas tidak dapat dibaca" }]);
      mount.dataset.dimuat = String(Number(mount.dataset.dimuat || 0) + 1);
    };
    reader.readAsArrayBuffer(file);
  }

  // ---- the page ----------------------------------------------------------------------------
  // the looks of what this script adds: warnings apart from errors (amber, not red), the folds,
  // the date picker; summaries stop below the theme's header and "back to top" button
  var STYLE = ".rkt-field-warning{font-size:.7rem;color:#6d3d00;margin:.1em 0}.rkt-field-warning:empty{display:none}" +
    ".rkt-warning-summary{border:3px solid #b26a00;padding:.6em .9em;margin:.8em 0}" +
    ".rkt-warning-summary:focus{outline:3px solid #ffbf47}" +
    ".md-typeset .rkt-warning-summary h3{margin:0 0 .4em;font-size:.85rem}" +
    ".md-typeset .rkt-warning-summary ul{margin:0;padding-left:1.1em}" +
    ".md-typeset .rkt-warning-summary li{margin:.35em 0}" +
    ".md-typeset .rkt-warning-summary a{color:#6d3d00;text-decoration:underline}" +
    "#rkt-isi-form .rkt-error-summary,#rkt-isi-form .rkt-warning-summary,#rkt-editor-title,#rkt-status-top," +
    "#rkt-form-fields input,#rkt-form-fields textarea{scroll-margin-top:8rem}" +
    // a fold is a plain line that opens, not one of the theme's boxed admonitions
    ".md-typeset details.rkt-fold{border:0;box-shadow:none;padding:0;margin:.4em 0;font-size:inherit;background:none}" +
    ".md-typeset details.rkt-fold>summary{display:block;position:relative;min-height:44px;box-sizing:border-box;margin:0;padding:.6em 1.8em .6em .2em;" +
    "background:none;border-bottom:1px solid #cfd8dc;cursor:pointer;font-weight:700;overflow-wrap:anywhere}" +
    ".md-typeset details.rkt-fold>summary:before{display:none}" +
    ".rkt-date-pick{display:flex;flex-wrap:wrap;align-items:center;gap:.2em .6em;margin-top:.2em}" +
    ".rkt-field .rkt-date-pick input{width:auto}";

  function start() {
    compile();
    document.head.appendChild(el("style", { text: STYLE }));
    var cycles = DATA.cycles;
    if (!cycles.length) { mount.textContent = PAGE.tidak_ada; return; }
    mount.dataset.hariIni = today(cycles[0]);
    var pickCycle = el("select", { id: "rkt-pick-cycle" }, cycles.map(function (c) {
      return el("option", { value: periodKey(c), text: periodName(c) });
    }));
    var pickUnit = el("select", { id: "rkt-pick-unit" });
    function fillUnits() {
      var c = findCycle(pickCycle.value);
      pickUnit.textContent = "";
      // no unit is chosen for the user: nothing opens until they pick theirs
      pickUnit.appendChild(el("option", { value: "", text: "(pilih unit Anda)" }));
      c.units.forEach(function (u) {
        var draft = readDraft(periodKey(c), u.kode);
        pickUnit.appendChild(el("option", { value: u.kode, text: u.nama + (u.ada ? " (sudah ada)" : " (belum ada)") +
          (draft && !same(draft.data, u.data) ? " (ada draf)" : "") }));
      });
    }
    pickCycle.addEventListener("change", fillUnits);
    fillUnits();
    var open = el("button", { type: "button", id: "rkt-open", "class": "md-button md-button--primary", text: "Buka " + THING });
    open.addEventListener("click", function () {
      if (dirtyUnsaved && !window.confirm("Isian yang sudah diketik belum tersimpan di peramban ini dan akan hilang. Lanjutkan?")) return;
      if (!pickUnit.value) {
        note("Pilih unit Anda dahulu, lalu pilih Buka " + THING + ".");
        document.getElementById("rkt-editor").hidden = !state;
        pickUnit.focus();
        return;
      }
      dirtyUnsaved = false;
      var c = findCycle(pickCycle.value);
      openUnit(c, findUnit(c, pickUnit.value));
      document.getElementById("rkt-editor-title").focus();
    });
    var fileInput = el("input", { type: "file", id: "rkt-load-file", "class": "rkt-visually-hidden",
      accept: ".yaml,.yml,text/yaml,application/x-yaml" });
    fileInput.addEventListener("change", function () {
      if (fileInput.files && fileInput.files[0]) loadFile(fileInput.files[0], pickCycle, pickUnit);
      fileInput.value = "";
    });
    var chooser = el("div", { "class": "rkt-chooser" }, [
      el("div", { "class": "rkt-pick" }, [el("label", { "for": "rkt-pick-cycle", text: PAGE.pilih_siklus }), pickCycle]),
      el("div", { "class": "rkt-pick" }, [el("label", { "for": "rkt-pick-unit", text: "Unit" }), pickUnit]),
      open,
      fileInput,
      el("label", { "for": "rkt-load-file", "class": "md-button rkt-file-button", text: "Muat draf dari berkas" })
    ]);
    var storageNote = storage ? null : el("p", { "class": "rkt-notice", text: "Peramban ini tidak mengizinkan penyimpanan draf. " +
      "Sebelum menutup halaman, pilih Unduh draf agar isian tidak hilang." });
    var copy = button("Salin", function () {
      var t = document.getElementById("rkt-yaml").textContent;
      if (navigator.clipboard && t) navigator.clipboard.writeText(t).then(function () { copy.textContent = "Tersalin"; });
    }, null, "rkt-small");
    copy.id = "rkt-copy";
    var downloadForm = button("Unduh " + THING, function () {
      if (problems.length) { revealAll(Thing + " belum dapat diunduh:"); return; }
      download(document.getElementById("rkt-yaml").textContent, unit.kode + ".yaml");
    }, null, "md-button--primary");
    downloadForm.id = "rkt-download";
    var downloadDraft = button("Unduh draf", function () {
      var d = clone(state);
      delete d[DATA.kunci_draf];
      download(formYaml(d, unit.header, draftNote()), unit.kode + "-draf.yaml");
      announce("Draf diunduh sebagai " + unit.kode + "-draf.yaml.", true);
    }, null, "rkt-draft");
    downloadDraft.id = "rkt-download-draft";
    var submit = el("a", { id: "rkt-submit", "class": "md-button md-button--primary", text: "Ajukan ke GitHub", rel: "noopener noreferrer" });
    submit.hidden = true;
    submit.addEventListener("click", function (ev) {
      if (problems.length) { ev.preventDefault(); revealAll(Thing + " belum dapat diajukan:"); }
    });
    var foldAll = button("Lipat bagian yang sudah lengkap", foldFinished, null, "rkt-small");
    foldAll.id = "rkt-fold-finished";
    var undoButton = button("Urungkan", function () {
      var action = undoAction;
      clearUndo();
      if (action) action();
    }, null, "rkt-undo-button");
    undoButton.id = "rkt-undo-button";
    var editor = el("section", { id: "rkt-editor", "aria-labelledby": "rkt-editor-title" }, [
      el("h2", { id: "rkt-editor-title", tabindex: "-1", text: PAGE.judul }),
      el("p", { id: "rkt-status-top", "class": "rkt-status" }),
      el("div", { id: "rkt-notice", "class": "rkt-notice" }),
      el("div", { id: "rkt-error-summary", "class": "rkt-error-summary", tabindex: "-1", "aria-labelledby": "rkt-error-summary-title" }, [
        el("h3", { id: "rkt-error-summary-title" }),
        el("ul", {})
      ]),
      el("div", { id: "rkt-warning-summary", "class": "rkt-warning-summary", tabindex: "-1", "aria-labelledby": "rkt-warning-summary-title" }, [
        el("h3", { id: "rkt-warning-summary-title" }),
        el("ul", {})
      ]),
      el("p", { "class": "rkt-fold-tools" }, [foldAll]),
      el("div", { id: "rkt-form-fields" }),
      el("p", { id: "rkt-total", "class": "rkt-total" }),
      el("p", { id: "rkt-form-status", "class": "rkt-status" }),
      el("div", { "class": "rkt-actions" }, [downloadForm, submit, downloadDraft]),
      el("p", { id: "rkt-submit-note", "class": "rkt-help" }),
      el("details", { id: "rkt-teknis", "class": "rkt-teknis" }, [
        el("summary", { text: "Rincian teknis: isi berkas (YAML)" }),
        el("p", { id: "rkt-yaml-empty", "class": "rkt-help", text: "Isi berkas muncul di sini setelah semua isian benar." }),
        el("pre", { id: "rkt-yaml", "class": "rkt-yaml", tabindex: "0", "aria-label": "Isi berkas " + THING + " (YAML)" }),
        copy
      ])
    ]);
    editor.hidden = true;
    var undoBar = el("div", { id: "rkt-undo", "class": "rkt-undo" }, [el("span", { "class": "rkt-undo-text" }), undoButton]);
    undoBar.hidden = true;
    mount.textContent = "";
    mount.appendChild(chooser);
    if (storageNote) mount.appendChild(storageNote);
    mount.appendChild(el("div", { id: "rkt-load-errors", "class": "rkt-error-summary", tabindex: "-1", hidden: "hidden" }));
    mount.appendChild(editor);
    mount.appendChild(undoBar);
    mount.appendChild(el("div", { id: "rkt-live", "class": "rkt-visually-hidden", "aria-live": "polite" }));

    // a reload or a closed tab comes back to the form that was open, with its draft
    var last = null;
    try { last = storage && JSON.parse(storage.getItem(STORE_PREFIX + "terakhir") || "null"); } catch (e) { last = null; }
    var c = last && findCycle(last.kunci || last.tahun);
    var draft = c && readDraft(periodKey(c), last.unit);
    if (c && draft && c.units.some(function (u) { return u.kode === last.unit; })) {
      pickCycle.value = periodKey(c);
      fillUnits();
      pickUnit.value = last.unit;
      openUnit(c, findUnit(c, last.unit));
    }
    mount.dataset.siap = "1";
  }

  ready(start);
})();
