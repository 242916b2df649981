"""The regency view (`rkt kabupaten`): every perangkat daerah's RKT in one dashboard.

Each agency's dashboard publishes `data/rkt.json` (generator/site/published.py). A
regency repository lists the agencies in `kabupaten.yaml` (config.py);
`rkt kabupaten build` fetches every agency's file in parallel (fetch.py),
checks it against the published schema (data.py), falls back to the last good
copy of an agency that cannot be reached or publishes invalid data
(sources.py), renders the regency pages (pages/) and builds the site with the
same engine, checks and swap as `rkt build` (build.py, through generator/site/publish.py). `rkt kabupaten init`
writes a new regency repository (init.py).

Fetched text is untrusted: it is escaped everywhere, never becomes a link, and
the only addresses the pages link to come from kabupaten.yaml.
"""
