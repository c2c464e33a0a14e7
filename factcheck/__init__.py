"""factcheck: checks the arithmetic of news articles.

    import factcheck
    report = factcheck.check_text("车间吸纳200人就业，其中贫困户50人、占35%。", language="zh")
    [(f.kind, f.verdict) for f in report.findings]   # [('comparison', 'consistent'), ('share', 'discrepancy')]
    report.to_json()                  # this text's entry of the JSON report

    checker = factcheck.Checker()     # loads the rules once; picklable, for process pools, dask and Spark
"""

__version__ = "0.1.0"

__all__ = ["Checker", "check_file", "check_text", "__version__"]


def __getattr__(name: str):
    # Lazy: the command line imports this package on every run and needs none of the checking code to start.
    if name == "Checker":
        from .checker import Checker

        return Checker
    if name == "check_text":
        from .api import check_text

        return check_text
    if name == "check_file":
        from .api import check_file

        return check_file
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
