"""rkt-dashboard: the RKT process of BKPSDM Kabupaten Balangan as a Git repository and a dashboard."""

__version__ = "0.1.0"
