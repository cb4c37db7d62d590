// Loaded at the top of <body>, before anything paints, so GOV.UK Frontend's JavaScript-only styles
// apply from the first frame. A file rather than inline so the Content-Security-Policy forbids inline scripts.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
