// DescentCore: placeholder until its module lands.
