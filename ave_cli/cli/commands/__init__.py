"""One module per command group: parse the options, build the command's context, call one flow,
render its result. A command module imports typer, the app and the translator at its top and
everything else inside the command that uses it: the flows bring the core, the record format and
the stores, and rich comes with the views, none of which `ave --version`, `ave --help` or tab
completion need (benchmarks/run.py measures the start)."""
