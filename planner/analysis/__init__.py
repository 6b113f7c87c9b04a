"""Analysis: pure computations over plain records (readiness, forecasts, next steps). No Qt."""
