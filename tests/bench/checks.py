"""The checks of the benchmark scripts' tests (test_ab.py, test_paired.py):
each failed check is kept with the output of the run it looked at, and
the report prints them and gives the exit status."""


class Checks:
    def __init__(self):
        self.failures = []

    def __call__(self, cond, what, r=None):
        """Record `what` as failed unless `cond`; `r` is the subprocess result
        whose output goes with the failure."""
        if not cond:
            detail = f"\n--- stdout\n{r.stdout}\n--- stderr\n{r.stderr}" if r else ""
            self.failures.append(what + detail)

    def report(self, name):
        """Print the failures and a summary line; 1 if anything failed, else 0."""
        for f in self.failures:
            print("FAIL:", f)
        print(f"{'FAILED' if self.failures else 'ok'}: {name}, {len(self.failures)} failure(s)")
        return 1 if self.failures else 0
