// SiteRenderer: placeholder until its module lands.
