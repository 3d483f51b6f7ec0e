package zoom

import (
	"fmt"
	"log"
	"os"
)

func Debug() {
	secret := os.Getenv("ZOOM_SDK_SECRET")
	key := os.Getenv("ZOOM_SDK_KEY")
	fmt.Println("secret:", secret) // must-fire
	log.Printf("key=%s secret=%s", key, secret) // must-fire
	log.Printf("key=%s", key) // must-not-fire
	fmt.Println("secret length", len(secret)) // must-not-fire
}
