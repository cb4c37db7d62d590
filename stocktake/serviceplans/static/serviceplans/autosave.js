// Progressive enhancement: the section form saves itself a few seconds after each change.
// Without JavaScript the Save button does the same. A file, as the CSP forbids inline scripts.
const DELAY = 2000

for (const form of document.querySelectorAll('form[data-autosave]')) {
  const status = form.querySelector('[data-autosave-status]')
  let timer = null
  let saving = Promise.resolve()

  const save = () => {
    saving = saving.then(async () => {
      try {
        const response = await fetch(form.action || window.location.href, {
          method: 'POST',
          body: new FormData(form),
          headers: { 'X-Autosave': '1' },
          credentials: 'same-origin'
        })
        const result = await response.json()
        // The next save is checked against this one, not against the page as first loaded.
        if (result.saved) form.querySelector('input[name="version"]').value = result.version
        status.textContent = result.saved
          ? `Saved automatically at ${result.at}`
          : `Not saved: ${result.errors.join(' ')}`
      } catch {
        status.textContent = 'Not saved automatically: use the Save button'
      }
    })
  }

  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(save, DELAY)
  })
}
