#!/usr/bin/env python3
"""Feed every form in forms.txt to real `jekyll build`, plain and quoted, once
per site time zone, and print what Jekyll gave the post as tab-separated
lines: timezone, style, form, result ("2006-01-02 15:04:05 -0700" in the
site's zone, or "error" when the build fails). An empty timezone means no
`timezone:` in _config.yml, run with TZ=UTC like a CI build.

    python3 jekyll.py > jekyll-4.3.1.tsv
"""
import os, shutil, subprocess, tempfile

here = os.path.dirname(os.path.abspath(__file__))
forms = [l.rstrip('\n') for l in open(os.path.join(here, 'forms.txt'))
         if l.strip() and not l.startswith('#')]
print('# made by jekyll.py with %s' % subprocess.run(
    ['jekyll', '--version'], capture_output=True, text=True).stdout.strip())
for tz in ('Asia/Seoul', 'America/New_York', ''):
    for form in forms:
        for style in ('plain', 'quoted'):
            site = tempfile.mkdtemp()
            os.makedirs(site + '/_posts'); os.makedirs(site + '/_layouts')
            cfg = 'title: t\nfuture: true\npermalink: /p/\n'
            if tz:
                cfg += 'timezone: %s\n' % tz
            open(site + '/_config.yml', 'w').write(cfg)
            open(site + '/_layouts/default.html', 'w').write(
                '{{ page.date | date: "%Y-%m-%d %H:%M:%S %z" }}\n')
            value = "'%s'" % form if style == 'quoted' else form
            open(site + '/_posts/2000-06-15-x.md', 'w').write(
                '---\nlayout: default\ndate: %s\n---\nbody\n' % value)
            r = subprocess.run(['jekyll', 'build', '-s', site, '-d', site + '/_site', '--quiet'],
                               capture_output=True, text=True, env=dict(os.environ, TZ='UTC'))
            out = 'error'
            if r.returncode == 0 and os.path.exists(site + '/_site/p/index.html'):
                out = open(site + '/_site/p/index.html').read().strip()
            shutil.rmtree(site)
            print('\t'.join((tz, style, form, out)), flush=True)
