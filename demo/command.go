package demo

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"

	"livret/print"
)

// Command is `livret demo`: seed the demo school, print its logins, serve it.
func Command(app core.App) *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Crée l'établissement de démonstration (idempotent) et le sert",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return err
			}
			if err := refuseRealSchool(app); err != nil {
				return err
			}
			logins, err := Seed(app, time.Now())
			if err != nil {
				return err
			}
			fmt.Printf("\nÉtablissement de démonstration prêt : http://%s/\n", addr)
			fmt.Printf("Mot de passe de tous les comptes : %s\n\n", Password)
			for _, l := range logins {
				fmt.Printf("  %-40s %-22s %s\n", l.Role, l.Name, l.Identity)
			}
			fmt.Println()
			if _, err := print.ChromePath(); err != nil {
				fmt.Printf("⚠ %s\n\n", print.InstallHint)
			}
			return apis.Serve(app, apis.ServeConfig{HttpAddr: addr, ShowStartBanner: true})
		},
	}
	cmd.Flags().StringVar(&addr, "http", "127.0.0.1:8090", "adresse d'écoute HTTP")
	return cmd
}

// refuseRealSchool keeps the demo (its accounts and their published passwords) out of a data
// folder that already serves a school: one with an administrator of its own.
func refuseRealSchool(app core.App) error {
	admins, err := app.FindAllRecords(core.CollectionNameSuperusers)
	if err != nil {
		return err
	}
	for _, a := range admins {
		if a.Email() != demoAdmin {
			return fmt.Errorf("ce dossier de données (%s) sert déjà un établissement (administrateur %s) : "+
				"lancez la démonstration dans un autre dossier, par exemple --dir demo_data", app.DataDir(), a.Email())
		}
	}
	return nil
}
