// Benchmarks: placeholder until its module lands.
