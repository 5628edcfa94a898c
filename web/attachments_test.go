package web_test

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/pfmp"
)

func testImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for x := range 8 {
		img.Set(x, 3, color.RGBA{R: 0, G: 0, B: 145, A: 255})
	}
	return img
}

func pngFile(t testing.TB) []byte {
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, testImage()))
	return b.Bytes()
}

func jpegFile(t testing.TB) []byte {
	var b bytes.Buffer
	require.NoError(t, jpeg.Encode(&b, testImage(), nil))
	return b.Bytes()
}

func docxFile(t testing.TB) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		f, err := w.Create(n)
		require.NoError(t, err)
		_, _ = f.Write([]byte("<x/>"))
	}
	require.NoError(t, w.Close())
	return b.Bytes()
}

// upload posts the attachment form as a browser does (multipart, token in the body).
func upload(t testing.TB, c *apptest.Client, p *core.Record, title, filename string, content []byte, headers ...string) *apptest.Response {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", c.CSRF)
	_ = w.WriteField("titre", title)
	if filename != "" {
		fw, err := w.CreateFormFile("fichier", filename)
		require.NoError(t, err)
		_, _ = fw.Write(content)
	}
	require.NoError(t, w.Close())
	return c.Do(http.MethodPost, portfolioPath(p, "annexes"), &body, w.FormDataContentType(), headers...)
}

func attachmentsOf(t testing.TB, a *apptest.App, p *core.Record) []*core.Record {
	recs, err := a.PB.FindRecordsByFilter("attachments", "placement = {:p}", "created", 0, 0, map[string]any{"p": p.Id})
	require.NoError(t, err)
	return recs
}

func TestAnnexesUploadAPhotoTheTeacherDownloadsIt(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	photo := pngFile(t)
	r := upload(t, f.owner, f.lucas, "Schéma électrique « armoire » n°2", "IMG_0042.png", photo)
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	assert.Equal(t, portfolioPath(f.lucas, "annexes"), r.Header.Get("Location"))
	recs := attachmentsOf(t, f.a, f.lucas)
	require.Len(t, recs, 1)
	att := recs[0]
	assert.Equal(t, "file", att.GetString("kind"))
	assert.Equal(t, "image/png", att.GetString("mime"))
	assert.Equal(t, len(photo), att.GetInt("size"))
	assert.True(t, strings.HasSuffix(att.GetString("file"), ".png"), att.GetString("file"))

	tab := f.owner.Get(portfolioPath(f.lucas, "annexes"))
	assert.Contains(t, tab.Body, "Fichier « Schéma électrique « armoire » n°2 » ajouté.")
	assert.Contains(t, tab.Body, "Image PNG")
	assert.Contains(t, tab.Body, "1 annexe(s) sur 30")

	dl := portfolioPath(f.lucas, "annexes/"+att.Id+"/fichier")
	for _, c := range []*apptest.Client{f.teacher, f.master, f.owner} {
		got := c.Get(dl)
		require.Equal(t, http.StatusOK, got.Status)
		assert.Equal(t, photo, []byte(got.Body), "the same bytes")
		assert.Equal(t, "image/png", got.Header.Get("Content-Type"))
		assert.Equal(t, "nosniff", got.Header.Get("X-Content-Type-Options"))
		assert.True(t, strings.HasPrefix(got.Header.Get("Content-Disposition"), "attachment; "))
		assert.Contains(t, got.Header.Get("Cache-Control"), "private")
	}
	assert.Equal(t, `attachment; filename="Schema electrique _ armoire _ n_2.png"; filename*=UTF-8''Sch%C3%A9ma%20%C3%A9lectrique%20%C2%AB%20armoire%20%C2%BB%20n%C2%B02.png`,
		f.teacher.Get(dl).Header.Get("Content-Disposition"), "ASCII fallback, then the UTF-8 name")
	assert.Equal(t, http.StatusNotFound, f.other.Get(dl).Status)
	assert.Equal(t, http.StatusNotFound, f.tu.Get(dl).Status)
	assert.Equal(t, http.StatusSeeOther, f.a.NewClient(t).Get(dl).Status)
	// Never a public URL: PocketBase's own file route refuses the protected file.
	pub := f.a.NewClient(t).Get("/api/files/attachments/" + att.Id + "/" + att.GetString("file"))
	assert.NotEqual(t, http.StatusOK, pub.Status)
}

func TestAnnexesAcceptPhoneAndOfficeFilesByContent(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	// A JPEG named .JPG, no title: the file's name becomes the title.
	r := upload(t, f.owner, f.lucas, "", "Photo été pompe.JPG", jpegFile(t))
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	// A PNG sent as .jpg is stored and served as the PNG it is.
	r = upload(t, f.owner, f.lucas, "Capture", "capture.jpg", pngFile(t))
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	r = upload(t, f.owner, f.lucas, "Rapport de stage", "rapport.docx", docxFile(t))
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	r = upload(t, f.owner, f.lucas, "Notes", "notes.txt", []byte("Relevés de pression : 6 bar.\n"))
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)

	recs := attachmentsOf(t, f.a, f.lucas)
	require.Len(t, recs, 4)
	assert.Equal(t, "Photo été pompe", recs[0].GetString("title"))
	assert.Equal(t, "image/jpeg", recs[0].GetString("mime"))
	assert.Equal(t, "image/png", recs[1].GetString("mime"))
	assert.Equal(t, pfmp.TypeDOCX.MIME, recs[2].GetString("mime"))
	assert.Equal(t, "text/plain; charset=utf-8", recs[3].GetString("mime"))

	got := f.teacher.Get(portfolioPath(f.lucas, "annexes/"+recs[1].Id+"/fichier"))
	assert.Equal(t, "image/png", got.Header.Get("Content-Type"))
	assert.Contains(t, got.Header.Get("Content-Disposition"), `filename="Capture.png"`)
	got = f.teacher.Get(portfolioPath(f.lucas, "annexes/"+recs[0].Id+"/fichier"))
	assert.Contains(t, got.Header.Get("Content-Disposition"), `filename*=UTF-8''Photo%20%C3%A9t%C3%A9%20pompe.jpg`)
}

func TestAnnexesRefuseExecutablesAndOversizedFiles(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), bytes.Repeat([]byte{0}, 200)...)
	r := upload(t, f.owner, f.lucas, "Ma photo", "photo.jpg", exe)
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, "Type de fichier non accepté : programme Windows (exécutable).")
	assert.Contains(t, r.Body, `value="Ma photo"`, "the title typed stays")
	assert.Contains(t, r.Body, `id="e-fichier"`)
	assert.Empty(t, attachmentsOf(t, f.a, f.lucas))

	r = upload(t, f.owner, f.lucas, "Page", "page.pdf", []byte("<html><script>alert(1)</script></html>"))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, "Type de fichier non accepté : page web (HTML).")

	big := append(pngFile(t), bytes.Repeat([]byte{0}, pfmp.MaxUploadSize+1)...)[:pfmp.MaxUploadSize+1]
	r = upload(t, f.owner, f.lucas, "Trop grosse", "grosse.png", big)
	require.Equal(t, http.StatusRequestEntityTooLarge, r.Status)
	assert.Contains(t, r.Body, "Fichier trop volumineux : il fait 10 Mo, la limite est de 10 Mo par fichier.")
	assert.Contains(t, r.Body, `value="Trop grosse"`)
	assert.Empty(t, attachmentsOf(t, f.a, f.lucas))

	r = upload(t, f.owner, f.lucas, "Rien", "", nil)
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, "Choisissez un fichier à joindre")
	r = upload(t, f.owner, f.lucas, "Vide", "vide.pdf", []byte{})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)

	// Exactly the limit passes.
	ok := append(pngFile(t), bytes.Repeat([]byte{0}, pfmp.MaxUploadSize)...)[:pfmp.MaxUploadSize]
	r = upload(t, f.owner, f.lucas, "Juste", "juste.png", ok)
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	assert.Len(t, attachmentsOf(t, f.a, f.lucas), 1)
}

func TestAnnexesLinksHttpOnly(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	link := func(title, u string) *apptest.Response {
		return f.owner.PostForm(portfolioPath(f.lucas, "annexes/lien"), url.Values{"lien_titre": {title}, "url": {u}})
	}
	r := link("Fiche INRS", "https://www.inrs.fr/risques/machines.html")
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	recs := attachmentsOf(t, f.a, f.lucas)
	require.Len(t, recs, 1)
	assert.Equal(t, "link", recs[0].GetString("kind"))
	assert.Equal(t, "https://www.inrs.fr/risques/machines.html", recs[0].GetString("url"))

	tab := f.teacher.Get(portfolioPath(f.lucas, "annexes"))
	assert.Contains(t, tab.Body, `href="https://www.inrs.fr/risques/machines.html" rel="noopener noreferrer nofollow" target="_blank"`)
	assert.Contains(t, tab.Body, "Lien vers www.inrs.fr")
	assert.Equal(t, http.StatusNotFound, f.teacher.Get(portfolioPath(f.lucas, "annexes/"+recs[0].Id+"/fichier")).Status,
		"a link has no file")

	for _, tt := range []struct{ title, url, msg string }{
		{"Piège", "javascript:alert(document.cookie)", "seules les adresses commençant par https:// ou http:// sont acceptées"},
		{"Données", "data:text/html,<script>alert(1)</script>", "seules les adresses"},
		{"Sans schéma", "www.inrs.fr", "doit commencer par https://"},
		{"", "https://www.inrs.fr", "Le champ « Titre du lien » est obligatoire."},
		{"Trop long", "https://example.fr/" + strings.Repeat("a", 2000), "ne doit pas dépasser 2000 caractères"},
	} {
		r := link(tt.title, tt.url)
		require.Equal(t, http.StatusUnprocessableEntity, r.Status, tt.url)
		assert.Contains(t, r.Body, tt.msg)
		if tt.title != "" {
			assert.Contains(t, r.Body, `value="`+tt.title+`"`, "typed values kept")
		}
	}
	assert.Len(t, attachmentsOf(t, f.a, f.lucas), 1)
}

func TestAnnexesAtMostThirty(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	for i := range pfmp.MaxAttachments {
		f.a.MustRecord(t, "attachments", map[string]any{"placement": f.lucas.Id, "title": "Lien " + string(rune('A'+i)),
			"kind": "link", "url": "https://example.fr/"})
	}
	tab := f.owner.Get(portfolioPath(f.lucas, "annexes"))
	assert.Contains(t, tab.Body, "Vous avez atteint le maximum de 30 annexes")
	assert.NotContains(t, tab.Body, `name="fichier"`)

	r := upload(t, f.owner, f.lucas, "Une de trop", "trop.png", pngFile(t))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, "Ce portfolio compte déjà 30 annexes, le maximum : supprimez-en une pour en ajouter une autre.")
	r = f.owner.PostForm(portfolioPath(f.lucas, "annexes/lien"), url.Values{"lien_titre": {"x"}, "url": {"https://example.fr"}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Len(t, attachmentsOf(t, f.a, f.lucas), pfmp.MaxAttachments)
}

func TestAnnexesWritesOnlyByTheStudent(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	require.Equal(t, http.StatusSeeOther, upload(t, f.owner, f.lucas, "Photo", "p.png", pngFile(t)).Status)
	att := attachmentsOf(t, f.a, f.lucas)[0]
	fileKey := att.BaseFilesPath() + "/" + att.GetString("file")

	for _, tt := range f.intruders() {
		assert.Equal(t, tt.status, upload(t, tt.c, f.lucas, "Intrus", "i.png", pngFile(t)).Status, tt.who)
		assert.Equal(t, tt.status, tt.c.PostForm(portfolioPath(f.lucas, "annexes/lien"),
			url.Values{"lien_titre": {"x"}, "url": {"https://example.fr"}}).Status, tt.who)
		assert.Equal(t, tt.status, tt.c.PostForm(portfolioPath(f.lucas, "annexes/"+att.Id+"/supprimer"), url.Values{}).Status, tt.who)
	}
	assert.Len(t, attachmentsOf(t, f.a, f.lucas), 1)

	// Readers: the list, no form, no delete button.
	tab := f.teacher.Get(portfolioPath(f.lucas, "annexes"))
	assert.Contains(t, tab.Body, "annexes/"+att.Id+"/fichier")
	assert.NotContains(t, tab.Body, `type="file"`)
	assert.NotContains(t, tab.Body, "supprimer")

	// Manon's own annexe is out of reach through Lucas's dossier.
	require.Equal(t, http.StatusSeeOther, upload(t, f.other, f.manon, "La mienne", "m.png", pngFile(t)).Status)
	manons := attachmentsOf(t, f.a, f.manon)[0]
	assert.Equal(t, http.StatusNotFound, f.owner.PostForm(portfolioPath(f.lucas, "annexes/"+manons.Id+"/supprimer"), url.Values{}).Status)
	assert.Equal(t, http.StatusNotFound, f.teacher.Get(portfolioPath(f.lucas, "annexes/"+manons.Id+"/fichier")).Status)
	assert.Len(t, attachmentsOf(t, f.a, f.manon), 1)

	// The student deletes: the record and its file go.
	r := f.owner.PostForm(portfolioPath(f.lucas, "annexes/"+att.Id+"/supprimer"), url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	assert.Empty(t, attachmentsOf(t, f.a, f.lucas))
	fsys, err := f.a.PB.NewFilesystem()
	require.NoError(t, err)
	defer fsys.Close()
	// PocketBase removes a deleted record's files after the commit, in the background.
	assert.Eventually(t, func() bool {
		exists, err := fsys.Exists(fileKey)
		return err == nil && !exists
	}, 5*time.Second, 10*time.Millisecond, "the stored file is deleted too")
	assert.Contains(t, f.owner.Get(portfolioPath(f.lucas, "annexes")).Body, "Annexe « Photo » supprimée.")
}
