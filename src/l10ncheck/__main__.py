from l10ncheck.cli import main

main()
