package mail

import (
	"os"
	"path/filepath"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// OutboxDir is where messages go when no SMTP server is configured: inside the data
// folder, so backups and moves keep them.
func OutboxDir(dataDir string) string { return filepath.Join(dataDir, "outbox") }

// writeOutbox writes msg as an .eml file any mail client opens; the name sorts by date.
// The file holds the real link (it is the undelivered message itself): owner-only.
func writeOutbox(dataDir, id string, msg *gomail.Msg) (string, error) {
	dir := OutboxDir(dataDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, time.Now().UTC().Format("20060102-150405")+"-"+id+".eml")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := msg.WriteTo(f); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}
