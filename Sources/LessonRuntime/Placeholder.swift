// LessonRuntime: placeholder until its module lands.
