"""Where the join page's Web SDK comes from: Zoom's CDN folder for a version, or a self-hosted copy.

The frame (static/join-frame.html) loads these scripts in order and hands init() the asset path;
lib.join.plan checks the version and base URL the user typed with `sdk_source`.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from lib.builder.form import InputProblem
from lib.zoom.facts import WEB_SDK_CDN, WEB_SDK_NPM_BUNDLE, WEB_SDK_VERSION

_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class SdkSource:
    """Where the SDK comes from: Zoom's CDN folder for a version, or a self-hosted copy of the npm
    package's dist/ folder, which has the same layout except for the bundle's file name."""

    version: str
    base_url: str
    self_hosted: bool

    @property
    def scripts(self) -> tuple[str, ...]:
        """Loaded in this order: the embedded bundle expects React and ReactDOM as globals."""
        bundle = WEB_SDK_NPM_BUNDLE if self.self_hosted else f"zoom-meeting-embedded-{self.version}.min.js"
        return (
            f"{self.base_url}/lib/vendor/react.min.js",
            f"{self.base_url}/lib/vendor/react-dom.min.js",
            f"{self.base_url}/{bundle}",
        )

    @property
    def asset_path(self) -> str:
        """init()'s assetPath: the folder of the media workers and WebAssembly files."""
        return f"{self.base_url}/lib/av"


def _is_version(text):
    parts = text.split(".")
    return len(parts) == 3 and all(part.isdigit() and part.isascii() and len(part) <= 3 for part in parts)


def sdk_source(version: str, self_hosted_base: str = "") -> tuple[SdkSource | None, list[InputProblem]]:
    """The SDK's location, or problems saying why the version or base URL cannot be used."""
    version = version.strip()
    if not _is_version(version):
        message = f"The SDK version must look like {WEB_SDK_VERSION} (three numbers with dots)."
        return None, [InputProblem("sdk_version_invalid", "sdkVersion", "error", message)]
    base = self_hosted_base.strip().rstrip("/")
    if not base:
        return SdkSource(version, WEB_SDK_CDN.format(version=version), self_hosted=False), []
    parts = urlsplit(base)
    same_origin = base.startswith("/") and not base.startswith("//")
    if any(c.isspace() for c in base) or not (same_origin or (parts.scheme in ("http", "https") and parts.hostname)):
        message = (
            "The self-hosted base URL must be an http:// or https:// address (e.g. http://localhost:9000) or a "
            "path on this app's server (e.g. /app/static/zoom-sdk)."
        )
        return None, [InputProblem("sdk_base_invalid", "sdkBase", "error", message)]
    if parts.username or parts.password or parts.query or parts.fragment:
        message = "Give the self-hosted base URL without user name, password, ?query or #fragment."
        return None, [InputProblem("sdk_base_invalid", "sdkBase", "error", message)]
    problems = []
    if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
        message = (
            "The SDK is served over plain http from another machine: a dashboard opened over https cannot load it "
            "(mixed content). Serve the SDK over https too."
        )
        problems.append(InputProblem("sdk_base_http", "sdkBase", "warning", message))
    return SdkSource(version, base, self_hosted=True), problems
