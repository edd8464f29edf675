// Grading: placeholder until its module lands.
