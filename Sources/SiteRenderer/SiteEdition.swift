/// Which copy of the course a site is.
///
/// The public site shows each exercise as the student edition does (`descent release`): the
/// stub where the reference solution was, and no hidden checks. The instructor's copy
/// (`descent build --solutions`) shows the reference solutions and the hidden checks as
/// well, and says so at the top of every page, so it is not published by mistake.
public enum SiteEdition: Sendable {
    case student
    case instructor
}
