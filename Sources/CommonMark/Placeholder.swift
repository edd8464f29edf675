// CommonMark: placeholder until its module lands.
