// DescentCLI: placeholder until its module lands.
