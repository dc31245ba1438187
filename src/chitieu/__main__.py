from chitieu.cli import main

main()
