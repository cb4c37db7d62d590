"""Stocktake settings: one module, every value read from the environment.

Each variable is listed in the README's configuration table.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in env_str(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("STOCKTAKE_REQUIRE_SECRET_KEY", False):
        raise ValueError("SECRET_KEY must be set in production")
    SECRET_KEY = "stocktake-development-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = env_str("SITE_NAME", "Stocktake")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "simple_history",
    "tree_queries",
    "django_q",
    "ninja",
    "stocktake.core",
    "stocktake.accounts",
    "stocktake.priorities",
    "stocktake.plans",
    "stocktake.complaints",
    "stocktake.consultations",
    "stocktake.movein",
    "stocktake.serviceplans",
    "stocktake.api",
    "stocktake.exchange",
    "stocktake.frameworks",
    "stocktake.customers",
    "stocktake.cycles",
    "stocktake.reports",
    "stocktake.indicators",
    "stocktake.risks",
    "stocktake.imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "stocktake.core.middleware.SignInToSeeMiddleware",
]

ROOT_URLCONF = "stocktake.urls"
WSGI_APPLICATION = "stocktake.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stocktake.core.context_processors.site",
                "stocktake.accounts.context_processors.navigation",
                "stocktake.accounts.oidc.sign_in_options",
            ],
        },
    },
]
FORM_RENDERER = "stocktake.core.forms.GovukFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker share one file. A transaction that read first and
    # then writes fails at once with "database is locked" if the other holds the write lock
    # (SQLite cannot wait there without deadlocking), so every transaction takes the write
    # lock as it begins (IMMEDIATE) and waits up to `timeout` seconds for it. WAL lets pages
    # read while a run writes; synchronous=NORMAL is safe under WAL and much faster.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "plans:my_actions"
LOGOUT_REDIRECT_URL = "plans:plan_list"

# Single sign-on with OpenID Connect beside passwords (README, "Single sign-on"): on once a client
# and the provider's endpoints are set; half a configuration is refused rather than ignored.
OIDC_PROVIDER_NAME = env_str("OIDC_PROVIDER_NAME", "single sign-on")
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10  # seconds to wait for the provider's token, user-info and key endpoints
OIDC_AUTHENTICATE_CLASS = "stocktake.accounts.oidc.AuthenticationRequestView"
OIDC_CALLBACK_CLASS = "stocktake.accounts.oidc.CallbackView"
_oidc_needs = {
    "OIDC_RP_CLIENT_ID": OIDC_RP_CLIENT_ID,
    "OIDC_RP_CLIENT_SECRET": OIDC_RP_CLIENT_SECRET,
    "OIDC_OP_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
    "OIDC_OP_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
    "OIDC_OP_USER_ENDPOINT": OIDC_OP_USER_ENDPOINT,
}
if not OIDC_RP_SIGN_ALGO.startswith("HS"):  # HS* signs with the client secret, others need keys
    _oidc_needs["OIDC_OP_JWKS_ENDPOINT"] = OIDC_OP_JWKS_ENDPOINT
_oidc_missing = [name for name, value in _oidc_needs.items() if not value]
if _oidc_missing and len(_oidc_missing) < len(_oidc_needs):
    raise ValueError(f"OpenID Connect is half set up: set {', '.join(_oidc_missing)} too")
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
if not _oidc_missing:
    AUTHENTICATION_BACKENDS.append("stocktake.accounts.oidc.StocktakeOIDCBackend")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the apps and node_modules too, so a fresh checkout works before collectstatic.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# HTTPS in production (README, "Configuration"); off by default so a checkout serves plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# The load balancer's health probe speaks plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Only behind a proxy that sets these headers itself and drops any the client sent.
TRUST_PROXY_HEADERS = env_bool("TRUST_PROXY_HEADERS", False)
if TRUST_PROXY_HEADERS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Everything the pages load comes from this site. Charts are inline SVG whose colours matplotlib
# writes as style attributes, so inline style *attributes* are allowed; <style> and scripts are not.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "stocktake@localhost")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

Q_CLUSTER = {
    "name": "stocktake",
    "orm": "default",
    "workers": env_int("TASK_WORKERS", 1),
    "timeout": 600,
    "retry": 900,
    "catch_up": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # PDF rendering reports every step at INFO; only its problems belong in the log.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10_000_000)
# A council's year of contacts is hundreds of megabytes: about twenty million rows by default.
CONTACTS_UPLOAD_MAX_BYTES = env_int("CONTACTS_UPLOAD_MAX_BYTES", 2_000_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
REPORT_WORD_TEMPLATE = env_str(
    "REPORT_WORD_TEMPLATE", str(BASE_DIR / "stocktake" / "reports" / "word" / "default.docx")
)
DEMO_PAPERS_DIR = env_str("DEMO_PAPERS_DIR", str(BASE_DIR.parent / "shared" / "seeds"))
