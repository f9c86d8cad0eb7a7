import type { Locale } from "@/lib/i18n/locales";
import type { ErrorCode } from "./app-error";

// French texts are the contract's own; English ones say the same.
const messages: Record<ErrorCode, Record<Locale, string>> = {
  INVALID_JSON: {
    fr: "Le corps de la requête n'est pas du JSON valide",
    en: "The request body is not valid JSON",
  },
  BAD_REQUEST: { fr: "Requête invalide", en: "Bad request" },
  UNAUTHORIZED: { fr: "Non autorisé", en: "Unauthorized" },
  FORBIDDEN: { fr: "Accès interdit", en: "Forbidden" },
  MODULE_DISABLED: {
    fr: "La réservation en ligne est désactivée",
    en: "Online booking is disabled",
  },
  NOT_FOUND: { fr: "Ressource non trouvée", en: "Resource not found" },
  METHOD_NOT_ALLOWED: {
    fr: "Méthode non permise sur cette ressource",
    en: "Method not allowed on this resource",
  },
  TENANT_NOT_FOUND: { fr: "Entreprise introuvable", en: "Business not found" },
  SLOT_UNAVAILABLE: {
    fr: "Ce créneau n'est plus disponible",
    en: "This time slot is no longer available",
  },
  ACTIVITY_IN_USE: {
    fr: "Cette activité a des rendez-vous à venir",
    en: "This activity has upcoming appointments",
  },
  STAFF_IN_USE: {
    fr: "Ce membre de l'équipe a des rendez-vous à venir",
    en: "This staff member has upcoming appointments",
  },
  LAST_STAFF_MEMBER: {
    fr: "L'établissement doit garder au moins un membre de l'équipe",
    en: "The business must keep at least one staff member",
  },
  CONFLICT: {
    fr: "Conflit avec une ressource existante",
    en: "Conflicts with an existing resource",
  },
  LAST_OWNER: {
    fr: "L'établissement doit garder au moins un propriétaire",
    en: "The business must keep at least one owner",
  },
  WRONG_PASSWORD: {
    fr: "Le mot de passe actuel est incorrect",
    en: "The current password is wrong",
  },
  PAYLOAD_TOO_LARGE: { fr: "Requête trop volumineuse", en: "Request body too large" },
  UNSUPPORTED_MEDIA_TYPE: {
    fr: "Le corps doit être du JSON (Content-Type: application/json)",
    en: "The body must be JSON (Content-Type: application/json)",
  },
  VALIDATION_ERROR: { fr: "Données invalides", en: "Invalid data" },
  RATE_LIMIT_EXCEEDED: {
    fr: "Trop de requêtes : réessayez dans un instant",
    en: "Too many requests: please try again in a moment",
  },
  INVALID_TRANSITION: {
    fr: "Ce changement de statut n'est pas permis",
    en: "This status change is not allowed",
  },
  POLICY_WINDOW_CLOSED: {
    fr: "Ce rendez-vous ne peut plus être modifié en ligne",
    en: "This appointment can no longer be changed online",
  },
  INTERNAL_ERROR: { fr: "Erreur serveur", en: "Server error" },
  UNAVAILABLE: {
    fr: "Service momentanément indisponible",
    en: "Service temporarily unavailable",
  },
};

export const errorMessage = (code: ErrorCode, locale: Locale): string => messages[code][locale];
