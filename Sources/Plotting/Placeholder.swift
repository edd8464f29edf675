// Plotting: placeholder until its module lands.
