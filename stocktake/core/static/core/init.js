// Starts GOV.UK Frontend's components (menus, banners, skip link) on every page.
import { initAll } from '../govuk/govuk-frontend.min.js'

initAll()
