"""Derived state: step status, forecast, the compiled RKT, the archive, the Perjanjian Kinerja model."""
