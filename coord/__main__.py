from coord.cli import main

main()
