from ave_cli.cli import main

main()
