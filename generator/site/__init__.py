"""The dashboard: pages, charts, form-page data, published data, safety scan, engines, publishing.

`build` is `rkt build`: `generate` makes every file of docs/ in memory (the `pages`
package, the charts of `timeline`, `swimlane` and `trendcharts` in the look of `charts`,
the data of `formpage` and `published`), `docs` writes them, and `publish` runs one of
the `engines` into a temporary folder, scans the result (`safety`) and swaps it in,
holding the `locks`. `serve` and `remind` are the other commands of this layer.
"""
