"""The errors ave reports to users, with their exit codes. Imports nothing, so that every
command can catch them without paying for the rest of the package."""


class AveError(Exception):
    """A problem the user can fix: bad input, a bad file, an impossible request (exit 2)."""

    exit_code = 2


class Cancelled(Exception):
    """The user chose to stop in a menu ("Afbreken"): not an error, and nothing was written."""


class EnvironmentProblem(AveError):
    """The machine is in the way: a lock held too long, a disk that will not write (exit 1)."""

    exit_code = 1
