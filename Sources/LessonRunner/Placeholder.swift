// LessonRunner: placeholder until its module lands.
