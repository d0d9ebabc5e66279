// Package publish turns a post, wherever it is kept, into a post of a
// Jekyll blog (_posts/YYYY-MM-DD-SLUG.md plus the local images it shows),
// or into one standalone HTML page. It draws nothing: the window and the
// command line call it, and show what it reports.
//
// An export runs in steps, a file each, in the order the post flows
// through them: plan.go checks the post, names its file and finds the
// posts in its way (Plan); images.go finds the local images it shows and
// plans their copies and the rewriting of their links; apply.go writes
// it all or nothing (Export.Apply). Planning touches nothing, so the
// caller can show the plan and ask first. html.go writes the standalone
// page (HTML).
//
// The rules, and why:
//
//   - Date. The date in the file name is the post's date as Jekyll reads
//     it (storage.Date.In) in the blog's SiteZone, so that the name and
//     the page agree: a plain zone-less "2024-03-01 20:00:00" is UTC to
//     Jekyll, hence 2024-03-02 in Seoul. A post without a date gets one,
//     written into the exported front matter with its offset: the date
//     of its earlier export when _posts holds one (same slug, same
//     title), so that exporting again updates that file, else now.
//   - Same post. The file at the target is an earlier export of this post
//     when it has the same title (compared in NFC) and the same date (the
//     same instant); exporting again replaces it without asking. Anything
//     else there, and any post in _posts whose slug is the same under
//     another date (Chirpy's /posts/:title/ would give both one URL), is
//     another post: export refuses to touch it unless Force, which
//     replaces the first and removes the others.
//   - Images. Each local image the post shows (Markdown images, kramdown
//     attributes or not; <img src> in raw HTML; image.path in the front
//     matter) is resolved by storage.Site, as the preview resolves it.
//     One already published under the blog folder is left where it is;
//     one elsewhere (beside a draft, in _drafts) is copied into
//     AssetsDir. Either way its link becomes the site-absolute path,
//     because a relative one would be read against the post's URL. Only
//     the bytes of the link target change; media_subpath is never added
//     (Chirpy leaves absolute paths alone, so one the post already has
//     keeps working for the images it serves). Remote (http:, //, data:),
//     site-absolute and Liquid addresses stay as written.
//   - Image names. A copied image keeps its file name (in NFC). Two
//     different files with one name get NAME-2.EXT; a different file
//     already in the assets folder is replaced when this export updates
//     its earlier one (or Force), and otherwise the copy takes a new name.
//   - TOML. A post with Hugo's "+++" front matter is written with YAML
//     front matter, since Jekyll reads only YAML (storage.Post.AsYAML).
//     Values keep their types; dates get their zone (a TOML local
//     date-time is read in the blog's zone and written with its offset).
//     Keys keep the order of the TOML text, tables included; TOML
//     comments are lost.
//   - Bytes. Otherwise the front matter is written as the user wrote it:
//     only the date (when missing) and image.path (when rewritten) change,
//     through the storage field API that rewrites just those lines.
//
// Nothing here keeps state between calls: Plan, Export.Apply and HTML
// may run on any goroutine, off the window's, each on its own post.
package publish
