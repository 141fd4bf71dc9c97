//! `user.*` and `group.*`: the user and group of the event's thread.

use super::prelude::*;

/// libs' `user.*` and `group.*` classes.
#[rustfmt::skip]
pub(super) const USER_GROUP: &[FieldInfo] = &[
    f("user.uid", Uint32, "The user id of the thread.").thread(|_, t, _, o| { o.push_uint(u64::from(t.uid)); true }),
    f("user.name", Str, "The user name of the thread.").thread(|c, t, _, o| { o.push_str(c.user_name_of(t, t.uid).unwrap_or("<NA>")); true }),
    f("user.homedir", Str, "The home directory of the user.").thread(|c, t, _, o| match c.user_of(t, t.uid) { Some(u) => { o.push_str(&u.homedir); true } None => false }),
    f("user.shell", Str, "The login shell of the user.").thread(|c, t, _, o| match c.user_of(t, t.uid) { Some(u) => { o.push_str(&u.shell); true } None => false }),
    f("user.loginuid", Int64, "The audit user id (the uid the session was logged in with); -1 when unset.").thread(|_, t, _, o| { o.push_int(if t.loginuid == u32::MAX { -1 } else { i64::from(t.loginuid) }); true }),
    f("user.loginname", Str, "The name of the audit user (user.loginuid).").thread(loginname),
    f("group.gid", Uint32, "The group id of the thread.").thread(|_, t, _, o| { o.push_uint(u64::from(t.gid)); true }),
    f("group.name", Str, "The group name of the thread.").thread(group_name),
];

/// The name of the audit user; unavailable when no login uid is set or the
/// user is unknown.
fn loginname(c: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    if t.loginuid == u32::MAX {
        return false;
    }
    match c.user_name_of(t, t.loginuid) {
        Some(n) => {
            out.push_str(n);
            true
        }
        None => false,
    }
}

/// The group's name (the container's own groups inside a container whose
/// groups were read); `root` for gid 0 on the host when the table lacks it.
fn group_name(c: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    match c.group_name_of(t, t.gid) {
        Some(n) => {
            out.push_str(n);
            true
        }
        None => false,
    }
}
