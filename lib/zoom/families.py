"""Stand-in for `families`' token families (issue 20): only `family_of`, with its name and signature.

The lead keeps `families`' version of this module at merge; the Code doctor and the endpoint tester
depend on `family_of` and the family names only.
"""

FAMILIES = ("meeting_web", "meeting_native", "video")
SDK_FAMILY = {"web": "meeting_web", "native": "meeting_native", "video": "video"}
VIDEO_MARKS = frozenset({"tpc", "role_type", "app_key"})


def family_of(claims, sdk=None) -> str:
    """The family a payload belongs to: the one the user names (`sdk`: web, native or video), else worked
    out from the claims: tpc/role_type/app_key → video; mn or role → meeting_web; neither → meeting_native."""
    if sdk:
        return SDK_FAMILY.get(sdk, sdk)
    keys = set(claims)
    if keys & VIDEO_MARKS:
        return "video"
    if keys & {"mn", "role", "meetingNumber"}:
        return "meeting_web"
    return "meeting_native"
