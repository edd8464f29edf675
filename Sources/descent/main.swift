import DescentCLI

Descent.main()
