"""The dashboard: pages, charts, form-page data, published data, safety scan, engines, publishing."""
