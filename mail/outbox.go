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

// RemoveFromOutbox deletes the outbox files of the mail_log rows ids (a purge's: the files
// name the student and the tutor); it returns how many it deleted.
func RemoveFromOutbox(dataDir string, ids []string) (int, error) {
	n := 0
	for _, id := range ids {
		files, err := filepath.Glob(filepath.Join(OutboxDir(dataDir), "*-"+id+".eml"))
		if err != nil {
			return n, err
		}
		for _, f := range files {
			if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
				return n, err
			}
			n++
		}
	}
	return n, nil
}
