// LessonParser: placeholder until its module lands.
